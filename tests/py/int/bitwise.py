# Bitwise operators, including negative numbers and big values.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10, -12 ^ -10)
print(5 & -1, -5 & 0xff, -1 & (2 ** 70 - 1) == 2 ** 70 - 1)
big = 2 ** 100 + 2 ** 50 + 1
print(big & (2 ** 64 - 1), big | 1, big ^ big, ~big)
print((-big) & 0xFFFF, (-big) | 0xFFFF, (-big) ^ 0xFFFF)
print(bin(-big & (2 ** 101 - 1)))
print(True & False, True | False, True ^ True, type(True & True).__name__)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError:", e)
