# fromkeys, equality (order-insensitive), and repr of recursive dicts.
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2}, {} == dict())
d = {}
d["self"] = d
print(d)
try:
    {"a": 1} < {"a": 2}
except TypeError as e:
    print("TypeError:", e)
