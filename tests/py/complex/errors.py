# Errors with complex numbers.
one = [1]
for f in [lambda: 1j > 0, lambda: round(1j), lambda: 1j & 1, lambda: divmod(1j, 2),
          lambda: math_floor(1j), lambda: one[1j], lambda: range(1j)]:
    try:
        f()
    except (TypeError, NameError) as e:
        print(type(e).__name__ + ":", e)
try:
    (1e308 + 1e308j) * (1e308 + 1e308j)
    print("no overflow error for inf results")
except OverflowError as e:
    print("OverflowError:", e)
try:
    complex("1e500j")
    print(complex("1e500j"))
except ValueError as e:
    print("ValueError:", e)
try:
    (10 + 10j) ** 1000
except OverflowError as e:
    print("OverflowError:", e)
