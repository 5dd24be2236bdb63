# Arithmetic operators across int, float, bool.
print(7 + 2, 7 - 2, 7 * 2, 7 / 2, 7 // 2, 7 % 2, 7 ** 2)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(7.0 // 2, 7.5 % 2, -7.5 % 2, 2 ** 0.5)
print(True + True, True * 10, False - 1, True / 2)
print(1 + 2.0, 3 * 1.5, 10 / 5, type(10 / 5).__name__)
print(0 ** 0, 0.0 ** 0, 2 ** 10, 2 ** -2, (-8) ** (1/3) == (-8) ** (1/3))
print(abs(-3), -abs(3), +True, -True)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
