# complex arithmetic.
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, b ** 0, a * 2, 2 / a, -a, +a)
print(1j ** 2, (1 + 1j) ** 3, (2 + 0j) ** 10, 1j * 1j == -1)
print(a == 1 + 2j, a == (1 + 2j) * 1.0, 1 + 0j == 1, (1 + 0j) == 1.0)
print(abs(3 + 4j), abs(-5j), abs(complex(1e300, 1e300)))
print(a.real + b.imag, (a * b).imag)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    a // 2
except TypeError as e:
    print("TypeError:", e)
try:
    a % 2
except TypeError as e:
    print("TypeError:", e)
try:
    int(a)
except TypeError as e:
    print("TypeError:", e)
try:
    float(a)
except TypeError as e:
    print("TypeError:", e)
