# math functions on big integers.
import math
print(math.factorial(100) % (10 ** 9 + 7), len(str(math.factorial(500))))
print(math.isqrt(2 ** 200), math.gcd(2 ** 100 * 3, 2 ** 50 * 9), math.lcm(2 ** 64, 3 ** 40) == 2 ** 64 * 3 ** 40)
print(math.comb(100, 50), math.perm(20, 10), math.log2(2 ** 1000), math.log10(10 ** 300))
print(math.log(10 ** 400) > 920, math.floor(10 ** 30 + 0.5) == 10 ** 30, math.trunc(-(10 ** 25)))
