# Mixed int/float/complex arithmetic promotions.
print(1 + 2.5, type(1 + 2.5).__name__, 2 * 1j, type(2 + 0j).__name__)
print(10 // 3.0, 10 % 3.0, 2 ** 0.5 == 2 ** 0.5, 10 ** -2)
print(7 / 7, type(7 / 7).__name__, 2 ** 100 / 2 ** 99)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 10 ** 399, (10 ** 400) / (10 ** 399))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 + 0.5
except OverflowError as e:
    print("OverflowError:", e)
print(1 / 2 ** 2000 if False else 2 ** -1074 > 0)
