# Singletons and NotImplemented/Ellipsis.
print(True is True, False is not True, None is not False)
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(Ellipsis, type(Ellipsis).__name__, ... == Ellipsis)
print(bool(...), (1).__eq__("x") is NotImplemented)
t1 = type(None)()
t2 = type(...)()
print(t1 is None, t2 is ...)
x = None
print(x is None, id(x) == id(None), id(True) == id(1 == 1))
