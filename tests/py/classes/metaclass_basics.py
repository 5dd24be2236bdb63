# type(name, bases, dict) and a simple metaclass.
Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: "hi " + str(self.x)})
d = Dyn()
print(Dyn.__name__, d.x, d.hello(), type(Dyn).__name__, Dyn.__bases__)
Sub = type("Sub", (Dyn,), {"x": 2})
print(Sub().hello(), [k.__name__ for k in Sub.__mro__])
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        ns.setdefault("tags", []).append(name)
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a, **k)
class Base(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    pass
print(Base.created_by, Child.created_by, Base.tags, Child.tags, type(Child).__name__)
c = Child(5)
print(c.v, isinstance(Child, Meta))
try:
    type("X", (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
print(type(5) is int, type("x")("y"))
