# float arithmetic with zeros of both signs, infinities, NaN, huge/tiny
# values and mixed int operands: + - * / // % ** divmod and comparisons.
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, -2.5, 1e16, 1e-7, 1e308, 5e-324, 2.0 ** 53, float("inf"), float("-inf"), float("nan")]
others = floats + [0, 3, -7, 2 ** 60, True]
def safe(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
for a in floats:
    for b in others:
        print(a, b, a + b, a - b, a * b, safe(lambda: a / b), safe(lambda: a // b), safe(lambda: a % b),
              safe(lambda: a ** b), safe(lambda: divmod(a, b)), safe(lambda: divmod(b, a)), safe(lambda: b ** a),
              a < b, a == b, a != b, a >= b)
    print(a, -a, abs(a), bool(a), a.is_integer(), a.hex(), safe(a.as_integer_ratio), safe(lambda: int(a)),
          safe(lambda: round(a)), round(a, 1), round(a, -1), round(a, 300), round(a, -400))
