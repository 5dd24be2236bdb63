# defaultdict and Counter.
from collections import defaultdict, Counter
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["missing"], len(dd), dd.default_factory)
di = defaultdict(int)
for ch in "hello":
    di[ch] += 1
print(dict(di))
nd = defaultdict()
try:
    nd["x"]
except KeyError as e:
    print("KeyError:", e)
c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"], sorted(c.elements()))
c.update("aaz")
c.subtract({"a": 10})
print(c, +c, c.total())
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3) - Counter(a=5), Counter(a=2, b=1) & Counter(a=1, b=3), Counter(a=1) | Counter(a=4))
