# functools.wraps copies metadata; __wrapped__ chain.
import functools
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
def plain_deco(fn):
    def w(*a, **k):
        return fn(*a, **k)
    return w
@deco
def documented(x):
    """Doc string here."""
    return x
@plain_deco
def undocumented(x):
    """Lost doc."""
    return x
print(documented.__name__, documented.__doc__, documented.__qualname__, documented(1))
print(undocumented.__name__, undocumented.__doc__, undocumented.__qualname__)
@deco
@deco
def twice(): return "t"
print(twice.__wrapped__.__wrapped__.__name__, twice())
