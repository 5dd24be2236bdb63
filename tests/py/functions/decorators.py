# Decorators with and without arguments, stacked.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b=0):
    """Add numbers."""
    return a + b
print(add(1, b=2), add.__name__, add.__doc__, add.__wrapped__(3, 4))
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
def tag(name):
    def deco(fn):
        def w():
            return f"<{name}>{fn()}</{name}>"
        return w
    return deco
@tag("b")
@tag("i")
def text():
    return "txt"
print(text())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def one(): pass
@register
def two(): pass
print(registry, one is not None)
@lambda fn: fn.__name__.upper()
def shout(): pass
print(shout)
