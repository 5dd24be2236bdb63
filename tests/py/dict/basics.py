# Dict creation, access and insertion order.
d = {"b": 1, "a": 2, "c": 3}
print(d, len(d), d["a"], list(d), list(d.keys()), list(d.values()), list(d.items()))
d["d"] = 4
d["b"] = 10
print(d)
del d["a"]
d["a"] = 5
print(d)
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, z=0), dict(zip("ab", [1, 2])))
print({1: "int", "1": "str", (1,): "tuple", None: "none", 1.5: "float", frozenset({1}): "fs"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    d[[1]] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
