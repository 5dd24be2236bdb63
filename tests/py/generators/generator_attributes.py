# Generator function and object attributes.
def my_gen():
    """Doc of generator."""
    yield 1
g = my_gen()
print(my_gen.__name__, my_gen.__doc__, g.__name__, g.__qualname__)
class K:
    def meth(self):
        yield self
print(K().meth().__qualname__, type(g).__name__, hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"))
print(iter(g) is g, g.__next__(), next(g, None))
