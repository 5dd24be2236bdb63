# vars() and dir() of user classes and instances.
class Base:
    b = 1
    def bm(self):
        pass
class Thing(Base):
    t = 2
    def __init__(self):
        self.i = 3
        self._p = 4
    def tm(self):
        pass
obj = Thing()
print(vars(obj), sorted(k for k in vars(Thing) if not k.startswith("__")))
print([n for n in dir(obj) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
print(dir(obj) == sorted(dir(obj)), "__init__" in dir(obj), "__class__" in dir(obj))
def f():
    local_a = 1
    local_b = 2
    return sorted(dir())
print(f())
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mu"]
print(dir(WithDir()))
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
