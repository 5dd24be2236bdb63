# Membership and lookup patterns.
d = {"a": None, "b": 0}
print("a" in d, d.get("a"), d.get("a", "dflt"), d.get("c", "dflt"), "c" not in d)
print([k for k in ("a", "b", "c") if d.get(k) is None])
keys = ["x", "y", "x", "z", "x"]
first_seen = {}
for i, k in enumerate(keys):
    if k not in first_seen:
        first_seen[k] = i
print(first_seen, list(dict.fromkeys(keys)))
