# Assorted bytes errors.
cases = [lambda: b"a".decode(1), lambda: b"abc".index(b"z"), lambda: b"abc"[float(1)], lambda: b"x" * "y",
         lambda: bytes.fromhex(b"00"), lambda: b"a".join([1]), lambda: b"a".center(5, b"xy"),
         lambda: b"%d" % "x", lambda: bytearray(b"a").extend(5), lambda: bytes("x")]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
