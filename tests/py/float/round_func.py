# round() with and without ndigits; banker's rounding, representation effects.
for v in (0.5, 1.5, 2.5, -0.5, -1.5, 0.49999999999999994, 2.675, 1.005, 1e16, -2.5):
    print(v, round(v), round(v, 2), round(v, 0), type(round(v)).__name__)
print(round(1234.5678, -2), round(1234.5678, 1), round(-1234.5678, -1), round(0.125, 2))
print(round(5e-324, 400), round(1.23456789, 5), round(123.456, -5))
for bad in (float("inf"), float("nan")):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(1.5, 1.0)
except TypeError as e:
    print("TypeError:", e)
