# int(), float(), bool() conversions.
print(int("42"), int(" -7 "), int("0x1f", 16), int("11", 2), int(3.9), int(-3.9), int(True), int())
print(float("1.5"), float("-inf"), float(" 2 "), float(3), float(True), float(), float("1e3"))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(), bool(-1))
for f, arg in [(int, "1.5"), (int, "abc"), (float, "abc"), (int, None), (float, []), (int, "")]:
    try:
        f(arg)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
