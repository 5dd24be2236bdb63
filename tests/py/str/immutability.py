# Strings are immutable; operations return new strings.
s = "hello"
t = s
s += " world"
print(s, t)
u = t.upper()
print(t, u)
try:
    t[0] = "H"
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t.newattr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(t.replace("h", "H"), t)
lst = list(t)
lst[0] = "J"
print("".join(lst), t)
