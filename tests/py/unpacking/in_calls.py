# Unpacking in function calls.
def f(a, b, c=0, *args, **kw):
    return a, b, c, args, kw
print(f(*[1, 2]), f(*(1, 2, 3, 4)), f(*"xy", **{"c": 9}), f(1, *[2], *[3, 4], k=5, **{"m": 6}))
args = [3, 1, 2]
print(max(*args), sorted(args), print(*args, sep=", "))
kw = {"sep": "-", "end": "!\n"}
print("a", "b", **kw)
def g(*, key):
    return key
print(g(**{"key": "v"}))
try:
    f(*[1, 2, 3], **{"c": 4})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"a": 1})
except TypeError as e:
    print("TypeError:", e)
