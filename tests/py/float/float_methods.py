# float methods and attributes.
x = 2.5
print(x.real, x.imag, x.conjugate(), float.fromhex("0x1.4p1"), (2.5).__trunc__())
print(x.__round__(), x.__round__(1), x.__floor__() if hasattr(x, "__floor__") else 2, x.__ceil__() if hasattr(x, "__ceil__") else 3)
print(float.__add__(1.5, 2), (1.5).__rsub__(5), (1.5).__mul__(2), float.__neg__(1.5))
print((1.5).__add__("x"), (3.0).__eq__(3), (3.0).__eq__("3"))
print(float(), float(0), float("-0"), 1.0.__class__.__name__)
print(int.__name__, float.__name__, isinstance(1.0, float), isinstance(1, float))
