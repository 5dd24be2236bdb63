# String concatenation and repetition.
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 100, "x" + "y" + "z")
s = ""
for i in range(5):
    s += str(i)
print(s, len("abc" * 1000))
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    "a" - "b"
except TypeError as e:
    print("TypeError:", e)
