# Attribute lookup follows the MRO; instance dict shadows class non-data attributes.
class A:
    x = "A.x"
    def f(self):
        return "A.f"
class B(A):
    pass
class C(A):
    x = "C.x"
    def f(self):
        return "C.f"
class D(B, C):
    pass
d = D()
print(d.x, d.f(), D.x, [k.__name__ for k in D.__mro__])
d.x = "instance"
print(d.x, D.x)
del d.x
print(d.x)
B.x = "B.x now"
print(d.x)
del B.x
print(d.x)
