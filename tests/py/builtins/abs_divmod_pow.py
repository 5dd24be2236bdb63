# abs, divmod, pow.
print(abs(-5), abs(5.5), abs(-0.0), abs(3 - 4j), abs(True), abs(-(10 ** 30)))
print(divmod(7, 3), divmod(-7, 3), divmod(7.5, 2), divmod(-7.5, 2), divmod(10 ** 20, 7))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(4, 0.5), pow(3, 4, 5), pow(-3, 3, 7), pow(5, -1, 7), pow(base=2, exp=5))
for bad in [lambda: abs("x"), lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5),
            lambda: pow(2, -1, 4), lambda: divmod(1j, 1), lambda: abs()]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
