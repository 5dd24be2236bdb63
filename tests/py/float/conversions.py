# float() and int() conversions.
print(float(1), float(-0), float(2 ** 70), float("1.5"), float("  -2.5e3  "), float("1_0.0_1"))
print(float(".5"), float("5."), float("1e-3"), float("0x10") if False else float("10"), float(True))
print(int(2.9), int(-2.9), int(1e20), int(-0.0), int(1.5e300) % 1000)
for s in ["", "abc", "1.5.5", "1e", "0x10", "1__0", "_1", "--1", "in f", "1 0"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
for bad in (None, [1.0], {}):
    try:
        float(bad)
    except TypeError as e:
        print("TypeError:", e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
print(float("٣.٥"), float("１.５"))
