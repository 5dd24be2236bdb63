# str/repr of ints and conversion functions.
for n in (0, 1, -1, 255, -255, 10 ** 25, -(2 ** 70)):
    print(str(n), repr(n), hex(n), oct(n), bin(n))
print(str(True), repr(False), int.__repr__(True))
print(format(255, 'x'), format(255, '#X'), format(-255, 'b'), format(10 ** 20, ','))
print("%d %i %x %o %X" % (255, -255, 255, 8, 3054))
print(f"{12345678901234567890:_}", f"{-42:+}", f"{42: }")
