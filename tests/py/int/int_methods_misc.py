# Misc int behaviour: abs, round, divmod, methods called via the type.
print(abs(-5), abs(5), abs(-(10 ** 30)))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2))
print(round(15, -1), round(25, -1), round(10 ** 25 + 5 * 10 ** 10, -11))
print(int.__add__(3, 4), (3).__mul__(4), (3).__truediv__(2), (3).__radd__(1))
print((3).__add__(1.5), int.__eq__(1, 1.0))
print(divmod(-7, 2), divmod(7, -2), divmod(-7, -2))
print((-5).__abs__(), (5).__neg__(), (5).__invert__(), (5).__index__())
print(int("  -0  "), -0 == 0, str(-0))
