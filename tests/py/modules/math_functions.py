# math: exact integer-valued functions and constants.
import math
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(2, 3, 4))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 40), math.comb(10, 3), math.comb(50, 25), math.perm(5, 2), math.perm(5))
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(2.7), math.floor(10 ** 20), math.ceil(5))
print(math.fabs(-2), math.copysign(1, -0.0), math.fmod(10, 3), math.remainder(10, 3), math.sqrt(144), math.hypot(5, 12))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, abs_tol=0.2))
print(math.prod(range(1, 11)), math.prod([]), math.fsum([1e100, 1.0, -1e100]), math.ulp(1.0), math.nextafter(1.0, 2.0))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.modf(2.5), math.frexp(0.0), math.ldexp(3, 2), math.degrees(0), math.radians(0))
