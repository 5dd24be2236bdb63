# math errors: domain errors, overflow, type errors.
import math
cases = [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2), lambda: math.asin(-2),
         lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.exp(1000), lambda: math.pow(10, 1000),
         lambda: math.sqrt("x"), lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.log(1, 1),
         lambda: math.floor("x"), lambda: math.ldexp(1.0, 10000), lambda: math.fmod(1, 0), lambda: math.atanh(1),
         lambda: math.pow(0, -1), lambda: math.gamma(0), lambda: math.log10(-5)]
for c in cases:
    try:
        print(c())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
