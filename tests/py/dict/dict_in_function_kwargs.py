# **kwargs produce fresh dicts in call order.
def f(**kw):
    kw["added"] = True
    return kw
base = {"b": 2, "a": 1}
r = f(**base, c=3)
print(r, base)
def g(a, **rest):
    return a, rest
print(g(a=1, z=26, y=25), g(**{"a": 0}), g(1, **{"x": [1]}))
