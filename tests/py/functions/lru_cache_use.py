# functools.lru_cache.
from functools import lru_cache
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
print(sq(2), sq(3), sq(2), sq(4), sq(3), sq.cache_info())
@lru_cache
def no_parens(a, b=1):
    return a + b
print(no_parens(1), no_parens(1, b=1), no_parens.cache_info().misses)
try:
    sq([1])
except TypeError as e:
    print("TypeError:", e)
