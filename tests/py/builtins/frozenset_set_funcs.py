# set/frozenset constructors from iterables of mixed hashables (printed sorted).
s = set([3, 1, 2, 3])
f = frozenset("hello")
print(s, sorted(f), len(f), frozenset(s) == s, set(f) == f)
print(sorted(set({"b": 1, "a": 2})), sorted(frozenset(x % 3 for x in range(10))))
