# Function attributes: __name__, __qualname__, __doc__, __defaults__, __kwdefaults__, __module__.
def top(a, b=1, *, c=2):
    """Top-level doc."""
    return a
class K:
    def meth(self):
        "Method doc."
    class Inner:
        def deep(self):
            pass
def outer():
    def inner():
        pass
    return inner
print(top.__name__, top.__qualname__, top.__doc__, top.__defaults__, top.__kwdefaults__, top.__module__)
print(K.meth.__name__, K.meth.__qualname__, K.meth.__doc__, K.Inner.deep.__qualname__)
print(outer().__qualname__, (lambda: 0).__qualname__, outer.__doc__)
top.custom = "attr"
print(top.custom, "custom" in top.__dict__)
top.__name__ = "renamed"
print(top.__name__, top.__qualname__)
print(type(top).__name__, callable(top), top.__annotations__)
