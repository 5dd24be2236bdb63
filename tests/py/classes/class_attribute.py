# __class__ and type() of instances; assigning __class__.
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
a = A()
print(a.__class__.__name__, type(a) is A, a.who())
a.__class__ = B
print(a.__class__.__name__, isinstance(a, B), a.who())
print(type(A), type(type), A.__class__ is type, (1).__class__, "x".__class__.__name__)
try:
    (1).__class__ = float
except TypeError as e:
    print("TypeError:", e)
