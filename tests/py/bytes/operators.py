# Operators on bytes and bytearray.
a, b = b"abc", bytearray(b"def")
print(a + b, b + a, type(a + b).__name__, type(b + a).__name__, a * 2, 3 * b, a * 0)
print(a == b"abc", a == bytearray(b"abc"), a != b, a < b, sorted([b"b", b"a", b"ab"]))
print(b"abc" < b"abd", b"ab" < b"abc", b"\xff" > b"\x00", max(b"hello"), min(bytearray(b"zy")))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    a < "s"
except TypeError as e:
    print("TypeError:", e)
print(a == "abc", hash(b"ab") == hash(b"ab"))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError:", e)
