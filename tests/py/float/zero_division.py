# Float division by zero raises ZeroDivisionError.
for f in (lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0,
          lambda: divmod(1.0, 0.0), lambda: 0.0 / 0.0, lambda: 0.0 ** -1):
    try:
        print(f())
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    (-8.0) ** 0.5
    print("complex result:", (-8.0) ** 0.5 == complex((-8.0) ** 0.5))
except ValueError as e:
    print("ValueError:", e)
# The messages of these two come from the C library's strerror(): check types only.
for base, exp in ((10.0, 400), (2.0, 10000)):
    try:
        base ** exp
    except OverflowError as e:
        print("OverflowError", len(e.args))
print(float("inf") / 2, 1 / float("inf"), float("inf") * 0)
