# int(text, base) for every base form: prefixes, underscores, white space,
# Unicode digits, sign, bytes input, and the invalid-literal messages.
texts = ["0", "-0", "+12", " 42 ", "1_000", "1__0", "_1", "1_", "0x_1f", "0b_101", "0o17", "0o_17", "017", "00", "0_0",
         "1e3", "1.0", "0xFF", "0XfF", "0b2", "z", "Z", "zz", "-0x10", "٣", "\u20035\u2003", "", " ", "+", "-", "0x",
         "9" * 30, "0b" + "1" * 70, "10 ", "1 0", "−1"]
for t in texts:
    row = []
    for base in (10, 0, 2, 8, 16, 36, 3):
        try:
            row.append(int(t, base))
        except ValueError as e:
            row.append(str(e))
    print(repr(t), row)
for t in [b"12", b" -7 ", bytearray(b"ff"), b"1_0", b"0x1f", b"\xff"]:
    for base in (10, 16, 0):
        try:
            print(repr(t), base, int(t, base))
        except ValueError as e:
            print(repr(t), base, "ValueError:", e)
for args in [(1.5,), (-1.9,), (True,), ("10", 1), ("10", 37), ("10", -1), (10, 10), (None,), ([],), (1e300,),
             (float("inf"),), (float("nan"),), ("10", "2"), (), ("ff",)]:
    try:
        print(args, int(*args))
    except Exception as e:
        print(args, type(e).__name__ + ":", e)
print(int("ff", base=16), int("z", 36), int("0b101", 0), int("-0o777", 0), int("1" * 50, 2))
