# repr/str of floats: shortest round-tripping representation.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.0,
        1e22, 1e23, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        1e-5, 1e-4, 0.0001234, 12345678901234567.0, 100.0, 3.14159, 2.5e-10, 1e100,
        float(2 ** 53), float(2 ** 53 + 1), 9007199254740993.0, 0.5, 1e-7, 123e45]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v)
print(float("inf"), float("-inf"), float("nan"), -float("nan"))
print([1.0, 2.5], (0.1,), {0.5: 1.5})
