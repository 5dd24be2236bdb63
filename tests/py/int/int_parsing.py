# int() from strings with bases.
print(int("42"), int("-42"), int("  +7  "), int("1_000"), int("\t12\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("777", 8), int("z", 36), int("Zz", 36), int("101", 2), int("0", 0), int("00", 0))
print(int("12", 3), int("-0b11", 0), int("1_0", 0), int("0x_1f", 16))
print(int("١٢٣"), int("４２"))
print(int(), int(3.99), int(-3.99), int(True), int(1e20))
for s, base in [("", 10), ("12a", 10), ("0x", 16), ("1__0", 10), ("_1", 10), ("08", 0),
                ("9", 8), ("1.5", 10), (" ", 10), ("0b2", 0), ("abc", 36 + 1)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError:", e)
for bad in [None, [1], "5j"]:
    try:
        int(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", base=1)
except ValueError as e:
    print("ValueError:", e)
