# collections.defaultdict: factories, repr, copy, operators, missing-key behaviour.
from collections import defaultdict
import copy
d = defaultdict(list)
d["a"].append(1)
d["b"]
print(d, len(d), d.default_factory, d.get("z"), "z" in d)
i = defaultdict(int, {"x": 5})
i["y"] += 2
print(sorted(i.items()), repr(defaultdict(int)), repr(defaultdict()))
c = d.copy()
c["a"].append(2)
print(c, type(c).__name__, c.default_factory is list, d["a"])
deep = copy.deepcopy(d)
deep["a"].append(3)
print(deep, d)
m = d | {"q": [9]}
print(type(m).__name__, m, {"r": 1} | defaultdict(str, s="x"))
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], list(t["a"]))
n = defaultdict(None)
try:
    n["missing"]
except KeyError as exc:
    print("KeyError:", exc)
for bad in [lambda: defaultdict(1), lambda: defaultdict("str")]:
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)
d.default_factory = set
d["s"].add(1)
print(d["s"], isinstance(d, dict), defaultdict(lambda: "?")["k"])
class Named(defaultdict):
    pass
print(Named(int, a=1), Named(list)["x"])
counts = defaultdict(int)
for word in "a b a c b a".split():
    counts[word] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
