# bytes methods mirror str methods.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" H"), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b.split(b","), b.rsplit(None, 1), b",".join([b"a", b"b"]), b"".join([bytearray(b"x"), b"y"]))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"))
print(b.startswith(b"  H"), b.endswith((b"x", b"  ")), b.partition(b","), b.rpartition(b"o"))
print(b"abc".center(9, b"*"), b"abc".ljust(5), b"abc".rjust(5, b"-"), b"42".zfill(5), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"123".isdigit(), b"ab1".isalnum(), b" \n".isspace(), b"ABC".isupper(), b"abc".islower())
print(b"Title Case".istitle(), b"abc".isascii(), b"\xff".isascii(), b"a\nb\r\nc".splitlines(), b"hello world".capitalize())
print(b"prefix_x".removeprefix(b"prefix_"), b"x.txt".removesuffix(b".txt"), b"abc".translate(None, b"b"))
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"a,b".split(b",", 1), b"xAxBx".split(b"x"))
try:
    b.split("o")
except TypeError as e:
    print("TypeError:", e)
try:
    b"".join(["s"])
except TypeError as e:
    print("TypeError:", e)
