# isinstance/issubclass with tuples and the builtin hierarchy.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()), isinstance(1, (str, int)))
print(issubclass(B, A), issubclass(B, (C,)), issubclass(B, B), issubclass(bool, (str, int)), issubclass(A, object))
print(isinstance(True, int), isinstance(1, float), isinstance(None, object), isinstance(int, type), isinstance(type, object))
try:
    isinstance(b, b)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, [int])
except TypeError as e:
    print("TypeError:", e)
print(isinstance(b, object), issubclass(type, object), issubclass(object, type))
