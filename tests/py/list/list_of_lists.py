# 2D grids: correct construction and the aliasing pitfall.
bad = [[0] * 3] * 3
bad[0][0] = 1
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(bad, good)
grid = [[(r * 4 + c) % 7 for c in range(4)] for r in range(4)]
for row in grid:
    print(" ".join(f"{v:2d}" for v in row))
print([sum(col) for col in zip(*grid)], max(max(row) for row in grid))
rot = [list(r) for r in zip(*grid[::-1])]
print(rot)
