# Nested loops with break/continue affecting only the innermost loop.
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print(i, j)
found = None
for a in range(1, 20):
    for b in range(a, 20):
        if a * b == 91:
            found = (a, b)
            break
    if found:
        break
print("found", found)
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
    return None
print(search([[1, 2], [3, 4]], 4), search([[1]], 9))
