# dir() and vars() of classes and instances (filtered to non-dunder names).
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    cls_attr = 2
    def __init__(self):
        self.inst_attr = 3
    def method(self):
        pass
t = Thing()
print([n for n in dir(t) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
print(vars(t), sorted(k for k in vars(Thing) if not k.startswith("__")))
t.more = 4
print(vars(t))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
