# bytes()/bytearray() from every kind of source, subclasses, __bytes__,
# fromhex/hex with separators, and the constructor errors.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))
class Idx:
    def __index__(self):
        return 3
class B:
    def __bytes__(self):
        return b"custom"
class BadB:
    def __bytes__(self):
        return "str"
for src in [b"ab", bytearray(b"cd"), [1, 2], (3,), range(4), iter([9, 8]), 3, Idx(), 0, B()]:
    show("bytes(%s)" % type(src).__name__, lambda: (bytes(src), bytearray(src) if not isinstance(src, B) else None))
for bad in [lambda: bytes(-1), lambda: bytes(1.5), lambda: bytearray(1.5), lambda: bytes([1, 300]), lambda: bytearray([-1]),
            lambda: bytes(["a"]), lambda: bytes("a"), lambda: bytearray("a"), lambda: bytes("a", 1), lambda: bytes(b"a", "utf-8"),
            lambda: bytes(1, errors="x"), lambda: bytearray(b"a", "x"), lambda: bytes("é", "ascii"), lambda: bytes(BadB()),
            lambda: bytes(2 ** 70), lambda: bytes(None), lambda: bytes(x=1)]:
    show("err", bad)
show("enc", lambda: (bytes("é", "utf-8"), bytearray("é€", "utf-16-le"), bytes("é", encoding="latin-1", errors="strict")))
show("kw", lambda: (bytes(source=b"x"), bytearray(source=[65])))
class Sub(bytes):
    pass
class SubA(bytearray):
    pass
s, sa = Sub(b"hello"), SubA(b"hello")
s.tag = 1
print(s, type(s).__name__, s.upper(), type(s.upper()).__name__, type(s + b"!").__name__, type(s[1:]).__name__, s.tag)
print(sa, type(sa).__name__, sa.upper(), type(sa.upper()).__name__, type(sa + b"!").__name__, type(sa[1:]).__name__)
print(s == b"hello", sa == b"hello", bytes(s), type(bytes(s)).__name__, bytes(sa), Sub(b"x").__bytes__())
print(bytes.fromhex(" 01 02\tff\n"), bytearray.fromhex("4142"), type(Sub.fromhex("41")).__name__, type(SubA.fromhex("41")).__name__)
data = b"\x00\x0f\xab\xff\x10"
print(data.hex(), data.hex(":"), data.hex("-", 2), data.hex(b".", -2), data.hex(" ", 3), data.hex(sep="_", bytes_per_sep=-4), b"".hex(":"))
for bad in [lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("0"), lambda: bytes.fromhex("0 1"), lambda: bytes.fromhex("01é"),
            lambda: bytes.fromhex(b"01"), lambda: data.hex("::"), lambda: data.hex("é"), lambda: data.hex(b"\xe9"),
            lambda: data.hex(1), lambda: data.hex(":", 2 ** 40), lambda: bytes.maketrans(b"ab", b"c"),
            lambda: b"abc".translate(b"x"), lambda: b"abc".translate(None, "x")]:
    show("err", bad)
print(bytes.maketrans(b"abc", b"xyz")[97:100], b"abcba".translate(bytes.maketrans(b"ab", b"BA"), b"c"))
