# str.format error messages.
cases = [("{0}{}", (1, 2), {}), ("{}{0}", (1, 2), {}), ("{1}", (1,), {}), ("{a}", (), {}), ("{!}", (1,), {}),
         ("{:}}", (1,), {}), ("{0:", (1,), {}), ("{0!r", (1,), {}), ("{0.}", (1,), {}), ("{0[}", (1,), {}),
         ("{0:{1}}", (1,), {}), ("{:x}", ("s",), {}), ("{:.2f}", ("s",), {}), ("{0:=^}", ("s",), {}),
         ("{:*<5,}", ("s",), {}), ("{0[0]}", (5,), {}), ("{0:{1:{2}}}", (1, 2, 3), {})]
for fmt, a, k in cases:
    try:
        print(repr(fmt.format(*a, **k)))
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
