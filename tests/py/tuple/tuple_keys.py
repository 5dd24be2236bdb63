# Tuples as dict keys and set members.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * c
print(grid[(2, 2)], grid[1, 2], (0, 0) in grid, len(grid))
seen = {(1, 2), (2, 1), (1, 2)}
print(len(seen), (2, 1) in seen)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
