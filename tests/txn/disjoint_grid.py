# A grid computed one row per transaction (an integer Mandelbrot), each row a
# fresh list stored in its slot of the shared grid; printed as text.
import transaction

W, H, ITER = 60, 24, 40
grid = [None] * H

def row(y):
    ci = (y - H // 2) * 4096 * 2 // H
    line = []
    for x in range(W):
        cr = (x - W * 2 // 3) * 4096 * 3 // W
        zr = zi = 0
        n = 0
        while n < ITER and zr * zr + zi * zi <= 4 * 4096 * 4096:
            zr, zi = (zr * zr - zi * zi) // 4096 + cr, 2 * zr * zi // 4096 + ci
            n += 1
        line.append(" .:-=+*#%@"[n * 9 // ITER])
    grid[y] = "".join(line)

for y in range(H):
    transaction.add(row, y)
transaction.run()
for line in grid:
    print(line.rstrip())
