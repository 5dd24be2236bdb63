# float() text parsing (spaces, signs, underscores, inf/nan spellings,
# Unicode digits, overflow), float.hex/fromhex and repr round trips.
texts = ["1", " 1.5 ", "-0", "+inf", "-Infinity", "nan", "NaN", "-nan", "1e5", "1E-5", "1_000.5", "1__0", "_1", "1_", ".5",
         "5.", ".", "1e", "e5", "0x10", "1.5j", "١٢٣.٥", "\u20031.5\u2003", "1e500", "-1e500", "1e-500", "infinity",
         "infinit", "in", "+0.0e+0", "", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308", "9007199254740993"]
for t in texts:
    try:
        print(repr(t), float(t))
    except ValueError as e:
        print(repr(t), "ValueError:", e)
for b in [b"1.5", bytearray(b" -2e3 "), b"\xd9\xa3", b"inf"]:
    try:
        print(repr(b), float(b))
    except ValueError as e:
        print(repr(b), "ValueError:", e)
for t in ["0x1p3", "0x1.8p-1", "1p0", "0X.8P+1", "inf", "-0x0p0", "0x1.fffffffffffffp1023", "0x1p1024", "0x1p-1074",
          "0x1p-1075", "0x.8", "", "0x", "0xg", "  0x1p0  ", "0x1.000000000000080000001p0", "-0x1.8p1", "nan"]:
    try:
        print(repr(t), float.fromhex(t))
    except (ValueError, OverflowError) as e:
        print(repr(t), type(e).__name__ + ":", e)
for x in [0.1, 1 / 3, 1e23, 5e-324, 1.7976931348623157e308, 123456789.125, 2.0 ** -1074, 0.5 ** 30]:
    print(repr(x), x.hex(), float.fromhex(x.hex()) == x, float(repr(x)) == x, str(x), x.as_integer_ratio())
for bad in [lambda: float.fromhex(1), lambda: float("1", "2"), lambda: float(x="1"), lambda: float(None), lambda: float([]),
            lambda: float(1j), lambda: (1.0).hex(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
