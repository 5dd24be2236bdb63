# %-formatting errors.
cases = [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%", ()), ("%c", "ab"), ("%c", -1),
         ("%c", 0x110000), ("%x", 1.5), ("%s %s", [1, 2]), ("%f", "1.0"), ("%(a)d", 5), ("%*d", ("x", 1)),
         ("%.*f", (1.5, 2.0)), ("abc", 5), ("abc", (5,)), ("%i", None)]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print("abc" % (), "abc" % {}, "abc" % [], "%s" % ((1, 2),))
