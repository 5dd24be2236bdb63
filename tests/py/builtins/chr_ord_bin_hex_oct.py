# chr, ord, bin, hex, oct.
print(chr(97), chr(0x263A), ord("a"), ord("€"), ord(chr(0x10FFFF)) == 0x10FFFF)
print(bin(10), bin(-10), bin(0), hex(255), hex(-255), hex(0), oct(8), oct(-8), oct(0), hex(2 ** 70), bin(True))
class I:
    def __index__(self):
        return 42
print(bin(I()), hex(I()), oct(I()), chr(I()))
for bad in [lambda: chr(-1), lambda: chr(1114112), lambda: ord(""), lambda: ord("ab"), lambda: bin(1.5),
            lambda: hex("a"), lambda: oct(None), lambda: chr(65.0)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
