# Unpacking dicts and iterating keys/items.
d = {"x": 1, "y": 2}
a, b = d
print(a, b)
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
def f(x, y):
    return x - y
print(f(**d), f(*d.values()), [*d], {**d, "z": 3}, sorted(d, reverse=True))
try:
    f(**{"x": 1, "q": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
