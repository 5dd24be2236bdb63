# bytes have no format() method but support %.
print(hasattr(b"", "format"), hasattr(b"", "__mod__"), b"%d-%s" % (1, b"x"))
print(b"%-5s|" % b"ab", b"%5d|" % 42, b"%x" % 255, b"%c" % 10)
print(bytes(str(123), "ascii"), str(123).encode(), f"{b'abc'}", f"{b'abc'!r}", str(b"x"))
