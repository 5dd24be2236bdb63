# Float literals: decimal point forms, exponents, underscores.
print(1.0, 1., .5, 0.5e0, 1e3, 1E-3, 1e+3)
print(3.14_15, 1_000.000_1, 1_0e1_0)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10)
print(1e-320, 5e-324, 2.2250738585072014e-308)
print(123456789.123456789, 1e16, 1e15, 123e-2)
print(0e0, -0.0, 0.0 == -0.0)
print(type(1.).__name__, type(1e1).__name__)
print(09.5, 00.0, 007e1)
