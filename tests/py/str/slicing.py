# Indexing and slicing strings.
s = "0123456789"
print(s[0], s[9], s[-1], s[-10], s[3:7], s[-3:], s[:-7], s[::2], s[1::2], s[::-1], s[::-3], s[7:2:-1])
print(s[2:2], s[5:2], s[-100:100], s[100:], s[:0], s[3:-3:2], s[-1:-4:-1], s[None:None:None])
for i in (10, -11):
    try:
        s[i]
    except IndexError as e:
        print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
u = "héllo😀wörld"
print(u[1], u[5], u[6:], u[::-1], len(u), u[-6])
print(s[slice(2, 8, 3)], s[slice(None)], slice(1, 5).indices(10))
