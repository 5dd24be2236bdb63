# Basic int arithmetic and result types.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a + b, -a - b, -a * b, -a / b, -a // b, -a % b, (-a) ** b)
print(type(a / b).__name__, type(a // b).__name__, type(a ** -1).__name__)
print(10 / 2, 1 / 3, 2 / 3, 10 ** 20 / 10 ** 10)
print(0 * -1, -0, 0 // 5, 0 % 5)
print(2 ** 63, 2 ** 64, -2 ** 63, 2 ** 63 - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4611686018427387904 * 2, 4611686018427387904 * 4)
print(3037000500 * 3037000500, -3037000500 * 3037000500)
print(1 - 2 ** 64, (2 ** 64) - 1)
print(sum(range(1, 101)), sum(range(-50, 51)))
