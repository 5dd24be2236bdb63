# functools.lru_cache / cache: hits, eviction order, typed keys, kwargs, clearing.
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 1, 3, 2, 1, 1]:
    sq(v)
print(calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq(4), sq.cache_info().currsize)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info(), fib.cache_parameters())
@lru_cache(typed=True)
def ident(x):
    return (type(x).__name__, x)
print(ident(1), ident(1.0), ident(True), ident.cache_info().currsize)
@lru_cache
def kw(a, b=0, *, c=0):
    calls.append(("kw", a, b, c))
    return a + b + c
calls.clear()
print(kw(1), kw(1), kw(1, 2), kw(a=1, b=2), kw(1, b=2), kw(1, c=5), len(calls), kw.cache_info())
@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1)
nocache(1)
print(nocache.cache_info())
@cache
def path(r, c):
    if r == 0 or c == 0:
        return 1
    return path(r - 1, c) + path(r, c - 1)
print(path(12, 12), path.cache_info().currsize, path.__wrapped__.__name__, path.__name__)
try:
    lru_cache(maxsize="x")
except TypeError as exc:
    print("TypeError:", exc)
try:
    sq([1])
except TypeError as exc:
    print("TypeError:", exc)
class Obj:
    def __init__(self, n):
        self.n = n
    @lru_cache(maxsize=8)
    def twice(self):
        return self.n * 2
o = Obj(5)
print(o.twice(), o.twice(), Obj.twice.cache_info().hits)
@lru_cache(maxsize=3)
def lru(k):
    return k
for k in "abcab":
    lru(k)
lru("d")
lru("c")
print(lru.cache_info())
