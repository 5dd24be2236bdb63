# hasattr, getattr, setattr, delattr.
class C:
    x = 1
    @property
    def boom(self):
        raise ValueError("property raised")
    @property
    def missing(self):
        raise AttributeError("looks missing")
c = C()
print(hasattr(c, "x"), hasattr(c, "y"), getattr(c, "x"), getattr(c, "y", "default"), getattr(c, "missing", "dflt"))
setattr(c, "y", 2)
print(c.y, hasattr(c, "missing"))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    hasattr(c, "boom")
except ValueError as e:
    print("ValueError:", e)
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(1, "real", 5)
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "x")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(c)
except TypeError as e:
    print("TypeError:", e)
