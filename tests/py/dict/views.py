# Dictionary views are live and support set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c", "d"})
print(sorted(it & {("a", 1), ("a", 2)}), k.isdisjoint({"x"}), list(reversed(k)), list(reversed(v)))
print(type(k).__name__, type(v).__name__, type(it).__name__)
del d["a"]
print(list(k), list(v))
print(d.keys() == d.keys(), d.values() == d.values())
print(k.mapping == {"b": 2, "c": 3, "d": 4})
