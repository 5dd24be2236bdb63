# bit_length, bit_count, and related int methods.
for n in (0, 1, 2, 3, 7, 8, 255, 256, -1, -128, -129, 2 ** 64, 2 ** 64 - 1, -(2 ** 100)):
    print(n, n.bit_length(), n.bit_count())
print((10).as_integer_ratio(), (-7).as_integer_ratio())
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__name__, (1).__class__.__name__)
print(True.bit_length(), (12).is_integer() if hasattr(12, "is_integer") else "n/a")
