# get, setdefault, pop, popitem, update, clear, copy.
d = {"a": 1}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("b", []), d)
d["b"].append(1)
print(d, d.pop("a"), d.pop("zz", "dflt"), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c)
d.clear()
print(d, len(d))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d.update(5)
except TypeError as e:
    print("TypeError:", e)
try:
    d.update([1])
except TypeError as e:
    print("TypeError:", e)
