# *args and **kwargs.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3), f(*"ab", **{"k": "v"}))
def g(a, b=0, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw
print(g(1, c=3), g(1, 2, 3, 4, c=5, e=6), g(c=1, a=2), g(1, 2, c=3, d=5, z=0))
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3), total(*range(10)))
def show(**opts):
    return ", ".join(f"{k}={v}" for k, v in opts.items())
print(show(x=1, y=2), show(**{"a": 3}, b=4))
print(type(f(1)[0]).__name__, type(f(a=1)[1]).__name__)
