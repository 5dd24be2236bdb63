# Data and non-data descriptors.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Item:
    qty = Typed()
    label = NonData()
it = Item()
it.qty = 5
print(it.qty, Item.qty.name, type(Item.qty).__name__)
try:
    it.qty = "many"
except TypeError as e:
    print("TypeError:", e)
print(it.label)
it.label = "instance wins"
print(it.label, Item.label)
class Ro:
    def __get__(self, obj, t):
        return 1
    def __set__(self, obj, v):
        raise AttributeError("read-only")
class H:
    r = Ro()
h = H()
h.__dict__["r"] = "shadow attempt"
print(h.r)
class Deleter:
    def __get__(self, o, t):
        return "d"
    def __delete__(self, o):
        print("__delete__ called")
class HD:
    d = Deleter()
del HD().d
