# complex arithmetic and powers (integral exponents, general exponents,
# zero and infinite operands), with the errors CPython raises.
cs = [0j, 1j, -1j, 1 + 2j, -1.5 - 0.5j, complex(0, -0.0), complex(-0.0, -0.0), 1e20j, complex(float("inf"), 1),
      complex(1, float("nan")), 3 + 0j, 1e300 + 1e300j]
others = [0, 2, -3, 0.5, -2.0, 1 + 1j, 2j, True]
def safe(f):
    try:
        return f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
for a in cs:
    for b in others + cs[:6]:
        print(a, b, a + b, a - b, a * b, safe(lambda: a / b), safe(lambda: a ** b), safe(lambda: b ** a),
              safe(lambda: b / a), a == b, a != b)
    print(a, -a, +a, abs(a) if a == a else None, bool(a), a.conjugate(), a.real, a.imag, repr(a), str(a))
for f in [lambda: 1j < 2j, lambda: 1j // 2, lambda: 1j % 2, lambda: divmod(1j, 2), lambda: int(1j), lambda: float(1j),
          lambda: round(1j), lambda: 0j ** -1, lambda: 0j ** 1j, lambda: 0j ** 0, lambda: (10 + 10j) ** 1000,
          lambda: pow(1j, 2, 3), lambda: (1e308 + 1e308j) * 2]:
    print(safe(f))
