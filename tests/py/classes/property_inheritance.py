# Overriding properties in subclasses and calling the parent's getter.
class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val
class Doubled(Base):
    @property
    def v(self):
        return super().v * 2
    @v.setter
    def v(self, val):
        Base.v.fset(self, val + 100)
d = Doubled()
print(d.v)
d.v = 5
print(d.v, d._v)
class ReadOnlyChild(Base):
    v = property(Base.v.fget)
r = ReadOnlyChild()
print(r.v)
try:
    r.v = 3
except AttributeError as e:
    print("AttributeError:", e)
class Cached:
    def __init__(self):
        self.computed = 0
    @property
    def expensive(self):
        if not hasattr(self, "_cache"):
            self.computed += 1
            self._cache = sum(range(100))
        return self._cache
c = Cached()
print(c.expensive, c.expensive, c.computed)
