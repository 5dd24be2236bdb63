# functools: reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering.
from functools import reduce, partial, lru_cache, wraps, cmp_to_key, total_ordering
print(reduce(lambda a, b: a + b, range(5)), reduce(lambda a, b: a * b, [1, 2, 3, 4], 10), reduce(max, "hello"))
add3 = partial(lambda a, b, c: a + b + c, 1, c=3)
print(add3(2), add3(b=5), repr(add3.args), sorted(add3.keywords.items()))
def cmp_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(["bb", "a", "ccc", "ab", "c"], key=cmp_to_key(cmp_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), max([1, 5, 3], key=cmp_to_key(lambda a, b: a - b)))
@lru_cache(maxsize=128)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache_info().hits > 0)
def logged(fn):
    @wraps(fn)
    def inner(*a):
        return ("logged", fn(*a))
    return inner
@logged
def ident(x):
    "identity"
    return x
print(ident(5), ident.__name__, ident.__doc__)
@total_ordering
class Card:
    order = "23456789TJQKA"
    def __init__(self, r):
        self.r = r
    def __eq__(self, o):
        return self.r == o.r
    def __lt__(self, o):
        return self.order.index(self.r) < self.order.index(o.r)
    def __repr__(self):
        return self.r
print(sorted([Card("K"), Card("2"), Card("T"), Card("A")]), Card("J") >= Card("T"), Card("2") > Card("3"))
