# Accumulation of floats: order matters; sum() is left-to-right in 3.11.
vals = [1e16, 1.0, -1e16]
print(sum(vals), sum(sorted(vals)), sum([1.0, 1e16, -1e16]))
import math
print(math.fsum(vals), math.fsum([0.1] * 10))
total = 0.0
for i in range(1, 1001):
    total += 1.0 / i
print(total)
total = 0.0
for i in range(1000, 0, -1):
    total += 1.0 / i
print(total)
print(sum([0.1, 0.2, 0.3]), sum([0.3, 0.2, 0.1]))
print(sum(i * 0.01 for i in range(100)))
