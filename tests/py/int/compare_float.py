# Exact comparisons between ints and floats.
big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big))
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -10 ** 400 > float("-inf"))
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
print(2 ** 63 == 9.223372036854775808e18, 2 ** 63 + 1 == 9.223372036854775808e18)
print(float("nan") == 1, 1 < float("nan"), 1 != float("nan"))
print(max(1, 1.0), max(1.0, 1), min(2, 2.0), sorted([3, 2.5, 1, 2.0, True]))
print(10 ** 20 == 1e20, 10 ** 22 == 1e22, 10 ** 23 == 1e23)
print(12345678901234567890 < 1.2345678901234567e19)
