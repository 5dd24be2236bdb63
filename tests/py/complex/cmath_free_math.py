# Manual complex algorithms: roots of unity and polynomial roots.
import math
n = 6
roots = [complex(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k in range(n)]
print([complex(round(z.real, 10), round(z.imag, 10)) for z in roots])
prod = 1
for z in roots:
    prod *= z
print(round(prod.real, 9), round(prod.imag, 9))
def quad(a, b, c):
    d = (b * b - 4 * a * c) ** 0.5
    return (-b + d) / (2 * a), (-b - d) / (2 * a)
r1, r2 = quad(1, 2, 5)
print(complex(round(r1.real, 12), round(r1.imag, 12)), complex(round(r2.real, 12), round(r2.imag, 12)))
print(quad(1, -3, 2))
