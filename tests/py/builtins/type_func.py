# type() with one and three arguments.
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(lambda: 0).__name__)
print(type(1) is int, type(True) is bool, type(True) is int, type(1.0).__name__, type(range(1)).__name__)
class A:
    pass
print(type(A()), type(A), type(A()).__name__, type(A()).__qualname__)
B = type("B", (A,), {"v": 5, "get": lambda self: self.v})
print(B().get(), B.__name__, B.__bases__[0] is A, isinstance(B(), A))
for bad in [lambda: type(), lambda: type("X", (), {}, 4), lambda: type("X", 5, {}), lambda: type("X", (), 5), lambda: type(1, (), {})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
