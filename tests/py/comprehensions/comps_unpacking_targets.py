# Unpacking targets in comprehension for-clauses.
pairs = [(1, "a"), (2, "b"), (3, "c")]
print([n for n, _ in pairs], [s * n for n, s in pairs], {s: n for n, s in pairs})
nested = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in nested])
print([(h, t) for h, *t in ["abc", "de", "f"]])
print([k + str(v) for k, v in {"x": 1, "y": 2}.items()])
print([i * j for i, j in enumerate("abc", 1)][0], [row for row in zip(*[[1, 2], [3, 4]])])
