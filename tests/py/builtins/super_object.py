# super() and object().
class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return "B" + super().f()
print(B().f(), super(B, B()).f(), type(super(B, B())).__name__)
o = object()
print(type(o).__name__, o == o, o != object(), isinstance(o, object), object.__name__, object.__bases__)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    super(int, "s")
except TypeError as e:
    print("TypeError:", e)
