# functools: partial details, reduce errors, cmp_to_key, total_ordering, cached_property, singledispatch.
from functools import (partial, reduce, cmp_to_key, total_ordering, cached_property, singledispatch,
                       partialmethod, update_wrapper, wraps, WRAPPER_ASSIGNMENTS)
def f(a, b, c=3, *rest, **kw):
    return a, b, c, rest, sorted(kw.items())
p = partial(f, 1, c=30, z=0)
print(p(2), p(b=2, c=1), partial(f, 1, 2, 3)(4, 5, k=1), p.func is f, p.args, sorted(p.keywords.items()))
pp = partial(p, 2, y=9)
print(pp(), pp.func is f, pp.args, sorted(pp.keywords.items()))
print(repr(partial(max, 1, key=abs)), partial(int, base=2)("101"), callable(p))
p.note = "attr"
print(p.note, p.__dict__)
for bad in [lambda: partial(), lambda: partial(3), lambda: reduce(max, []), lambda: reduce(max, 5),
            lambda: reduce(lambda a, b: a + b, [1, "x"]), lambda: cmp_to_key(lambda a, b: 0)(1) < 5]:
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3]), reduce(max, [], "init"), reduce(min, [7]))
key = cmp_to_key(lambda a, b: (a % 3) - (b % 3) or a - b)
print(sorted(range(9), key=key), key(4) == key(4), key(1) > key(3), key(5).obj)
@total_ordering
class Ver:
    def __init__(self, *p):
        self.p = p
    def __eq__(self, o):
        return self.p == o.p
    def __le__(self, o):
        return self.p <= o.p
print(Ver(1, 2) < Ver(1, 3), Ver(2) >= Ver(1, 9), Ver(1) > Ver(1), Ver(3) <= Ver(3))
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
del c.area
print(c.area)
@singledispatch
def kind(x):
    return "object"
@kind.register(int)
def _(x):
    return "int"
@kind.register(list)
@kind.register(tuple)
def _(x):
    return "sequence"
print(kind(1), kind(True), kind([]), kind(()), kind("s"), kind(2.0), kind.dispatch(bool).__name__)
class Cell:
    def __init__(self):
        self.v = None
    def set(self, v):
        self.v = v
        return self
    set_one = partialmethod(set, 1)
print(Cell().set_one().v)
def inner():
    "inner doc"
def outer():
    pass
update_wrapper(outer, inner)
print(outer.__name__, outer.__doc__, outer.__wrapped__ is inner, WRAPPER_ASSIGNMENTS)
