# Converting between int and float exactly.
for n in (2 ** 53 - 1, 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 64 + 1, 10 ** 17 + 1, -(2 ** 60) - 1):
    f = float(n)
    print(n, f, int(f), int(f) == n)
print(float(10 ** 308), float(2 ** 1023 * 1.9999 if False else 2 ** 1023))
print(int(1.9999999999999999), int(0.9999999999999999))
print((10 ** 30) / 3, (10 ** 30) // 3.0, 1 / (10 ** 30))
print(1e23 == 10 ** 23, int(1e23), 3 * 0.1 == 0.3)
