# __setattr__ and __delattr__.
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
f = Frozen(1)
print(f.x)
try:
    f.x = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    del f.x
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
o = Logged()
o.a = 5
print(o.a)
del o.a
print(hasattr(o, "a"))
setattr(o, "b", 1)
delattr(o, "b")
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
