# Truthiness and len.
s = set()
print(bool(s), len(s), not s)
s.add(None)
print(bool(s), len(s), None in s)
print(bool(frozenset()), bool({0}), len({(), ""}))
