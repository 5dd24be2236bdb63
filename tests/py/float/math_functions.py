# math module functions on floats.  Transcendental results are printed to 12
# significant digits: C libraries (glibc, musl for wasm) may differ in the last ulp.
import math
def r(x):
    return float("%.12g" % x)
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), r(math.exp(1)), r(math.exp(-1)), r(math.log(math.e)), r(math.log(100, 10)))
print(r(math.log10(1000)), math.log2(1024), r(math.log1p(1e-10)), r(math.expm1(1e-10)))
print(math.sin(0), math.cos(0), r(math.tan(math.pi / 4)), r(math.sin(math.pi / 6)))
print(r(math.asin(1)), r(math.acos(0)), r(math.atan(1)), r(math.atan2(1, -1)), math.atan2(-0.0, -1) == -math.pi)
print([r(f(0.5)) for f in (math.sinh, math.cosh, math.tanh, math.asinh, math.atanh)], r(math.acosh(2)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.fmod(-7, 3), math.fmod(7, -3), math.copysign(3, -0.0), math.hypot(3, 4))
print(r(math.degrees(math.pi)), r(math.radians(180)), math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1.5, 2, 4]), math.dist((0, 0), (3, 4)))
print(r(math.gamma(5)), r(math.lgamma(10)), r(math.erf(1)), r(math.erfc(1)))
print(math.pow(2, 0.5), math.pow(-2, 3), r(math.cbrt(27)))
