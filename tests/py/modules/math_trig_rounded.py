# Transcendental functions (rounded to 10 places: C libraries may differ in the last ulp).
import math
r = lambda x: round(x, 10)
angles = [0, math.pi / 6, math.pi / 4, math.pi / 3, math.pi / 2, math.pi, 2.5, -1]
for a in angles:
    print(r(a), r(math.sin(a)), r(math.cos(a)), r(math.tan(a)) if abs(math.cos(a)) > 1e-9 else "inf")
print([r(math.exp(x)) for x in (-2, 0, 1, 2.5)], [r(math.log(x)) for x in (0.5, 1, 10, 1e6)])
print(r(math.log(8, 2)), r(math.log2(10)), r(math.log10(2)), r(math.atan2(1, 1)), r(math.hypot(1, 1, 1)))
print(r(math.erf(0.5)), r(math.gamma(4.5)), r(math.lgamma(4.5)), r(math.sinh(2)), r(math.acosh(3)))
