# dict subclasses and __missing__.
class Default(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
d = Default(a=1)
print(d["a"], d["hello"], d, d.get("zz"), "zz" in d)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["x"] = 1
u.update(y=2)  # update does not call the overridden __setitem__
print(u, isinstance(u, dict), type(u).__name__)
class Counter2(dict):
    def __missing__(self, key):
        return 0
c = Counter2()
for ch in "banana":
    c[ch] += 1
print(c)
class Bad(dict):
    def __missing__(self, key):
        raise KeyError("custom " + key)
try:
    Bad()["q"]
except KeyError as e:
    print("KeyError:", e)
