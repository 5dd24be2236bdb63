# Indexing bytes gives ints, slicing gives bytes.
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], list(b), [x for x in b"AZ"], b[10:])
print(type(b[0]).__name__, type(b[0:1]).__name__, b[0:1] == b"h", 104 in b, b"ell" in b, b"" in b)
try:
    b[5]
except IndexError as e:
    print("IndexError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    "h" in b
except TypeError as e:
    print("TypeError:", e)
try:
    256 in b
except ValueError as e:
    print("ValueError:", e)
