# random with a fixed seed reproduces CPython's Mersenne Twister exactly.
import random
random.seed(12345)
print([random.random() for _ in range(5)])
random.seed(0)
print(random.random(), random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
random.seed(42)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)], random.randrange(5, 100, 5), random.randrange(-10, 10))
print(random.randrange(10 ** 30))
random.seed(2 ** 80 + 7)
print(random.random())
random.seed(-5)
print(random.random())
