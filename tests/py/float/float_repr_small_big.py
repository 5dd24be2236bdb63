# Where repr switches between fixed and exponent notation.
for e in range(-8, 20):
    v = 1.5 * 10.0 ** e
    print(e, repr(v), str(v))
for v in (0.0001, 0.00001, 1e15, 1e16, 1e17, 999999999999999.9, 9999999999999998.0):
    print(repr(v))
