# Nested comprehensions and flattening.
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([v for row in grid for v in row if v % 2 == 0])
print([[v * 10 for v in row] for row in grid if sum(row) > 5])
triples = [(a, b, c) for c in range(1, 20) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print([(i, [j for j in range(i)]) for i in range(3)])
print({k: [x for x in range(k)] for k in range(3)})
