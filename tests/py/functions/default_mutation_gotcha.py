# Mutable default shared across calls, and a dict default.
def add_item(k, v, registry={}):
    registry[k] = v
    return registry
r1 = add_item("a", 1)
r2 = add_item("b", 2)
print(r1, r2, r1 is r2, add_item.__defaults__[0])
def f(x, seen=set()):
    new = x not in seen
    seen.add(x)
    return new
print([f(v) for v in [1, 2, 1, 3, 2]])
