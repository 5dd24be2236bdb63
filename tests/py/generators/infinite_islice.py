# Infinite generators consumed with islice and takewhile.
from itertools import islice, takewhile, count
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(islice(naturals(), 5)), list(islice(fib(), 15)), list(islice(primes(), 12)))
print(list(takewhile(lambda v: v < 100, fib())), list(islice(naturals(), 10, 20, 3)))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(4)])
