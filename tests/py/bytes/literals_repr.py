# bytes literals and repr.
print(b"", b"abc", b"\x00\x01\xff", b"'", b'"', b"'\"", b"\t\n\r", b"\\", rb"\n", b"\x7f\x80")
print(repr(b"it's"), repr(b'say "x"'), bytes(5), bytes([65, 66, 67]), bytes(range(250, 256)))
print(bytes("é", "utf-8"), bytes(b"copy"), bytes(bytearray(b"ba")), bytes())
print(type(b"x").__name__, len(b"\xff\xfe"), b"abc" == b"abc", b"a" == "a", b"a" < b"b")
for bad in [[256], [-1], ["a"], "str", 1.5]:
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    bytes(-1)
except ValueError as e:
    print("ValueError:", e)
