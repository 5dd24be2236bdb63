# chr/ord on the full code point range.
print(ord("a"), ord("é"), ord("€"), ord("😀"), ord("\x00"), ord("\U0010ffff"))
print(repr(chr(0)), chr(65), chr(233), chr(0x20ac), chr(0x1f600), repr(chr(0x10ffff)), repr(chr(0xd800)))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("", "ab", b"ab"):
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError:", e)
print(ord(b"a"), ord(bytearray(b"z")), "".join(chr(ord(c) + 1) for c in "HAL"))
