# is_integer, as_integer_ratio, hex, fromhex.
for v in (1.0, 1.5, -2.0, 0.0, 1e300, 0.1, 2.5e-10, -0.75):
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex())
for s in ("0x1p0", "0x1.8p1", "-0x1p-1074", "0x1.fffffffffffffp1023", "0X10", "  0x.8  ",
          "inf", "-nan", "0x1p-1075", "0x1.0000000000000801p0"):
    print(s.strip(), float.fromhex(s))
for bad in ("0x1p99999", "zz", "0x"):
    try:
        float.fromhex(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for bad in (float("inf"), float("nan")):
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
