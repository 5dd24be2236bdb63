# Exceptions compare by identity; instances are reusable.
a = ValueError("x")
b = ValueError("x")
print(a == b, a == a, a.args == b.args)
errs = []
for i in range(3):
    try:
        raise a
    except ValueError as e:
        errs.append(e)
print(all(e is a for e in errs))
class E(Exception):
    pass
print(E.__name__, E().__class__.__bases__, isinstance(E(), BaseException))
try:
    raise E
except E as e:
    print("raising a class instantiates it:", type(e).__name__, e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
