# Iteration order of small-int sets (deterministic in CPython).
print({5, 1, 3}, {10, 2, 33, 4}, set(range(10, 0, -1)), {-1, -2, 0})
s = set()
for i in [8, 3, 1, 99, 64, 2]:
    s.add(i)
print(s, list(s), sorted(s))
print({1, 2, 3} | {100, 4}, {7, 8} - {8})
