# **kwargs preserves call order; duplicates detected.
def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{"b": 1}, a=2))
def g(a, **kw):
    return a, kw
try:
    g(1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print("TypeError:", e)
print(g(**{"a": 1, "b": 2}))
