# Equal numbers of different types are one element.
s = {1, 1.0, True, 2, 2.0 + 0j}
print(len(s), 1 in s, 2.0 in s, (2 + 0j) in s)
s2 = {0.5, 1.5}
print(0.5 in s2, 1.5 in s2, sorted(s2))
print({1, 2} == {1.0, 2.0}, frozenset({True}) == frozenset({1}))
