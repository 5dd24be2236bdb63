# Three-argument pow, including negative exponents (modular inverse).
print(pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(7, 0, 13), pow(7, 0, 1))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11))
print(pow(10 ** 30, 10 ** 5, 998244353))
print(pow(123456789, -1, 10 ** 9 + 7) * 123456789 % (10 ** 9 + 7))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(pow(2, -2), pow(-8, 3), pow(0, 0))
