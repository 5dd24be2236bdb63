# Errors raised while evaluating f-strings at run time.
x = "str"
for f in [lambda: f"{x:d}", lambda: f"{1:s}", lambda: f"{undefined_name}", lambda: f"{1/0}",
          lambda: f"{x:{'bad spec'}}", lambda: f"{[1][5]}", lambda: f"{None:>5}"]:
    try:
        print(f())
    except (ValueError, NameError, ZeroDivisionError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
