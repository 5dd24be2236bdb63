# random.uniform and random.gauss (gauss rounded: it uses libm log/cos/sqrt).
import random
random.seed(2024)
print([random.uniform(1, 2) for _ in range(3)], random.uniform(5, -5))
print([round(random.gauss(0, 1), 10) for _ in range(4)])
print([round(random.gauss(10, 2), 10) for _ in range(2)])
print(random.random(), random.uniform(0, 10 ** 6))
