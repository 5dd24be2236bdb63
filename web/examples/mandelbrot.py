# Mandelbrot: rows drawn as they finish.
#
# Escape-time counts of the Mandelbrot set on a SIDE x SIDE grid over
# [-2, 0.5] x [-1.25, 1.25].  One transaction computes two rows, stores
# them into their own slots of `rows` (a list allocated before the run, so
# transactions never conflict) and prints them as one line of text, upper
# and lower half of each character cell.  Lines appear as their
# transactions commit, top to bottom, while the workers are already
# computing the rows below.
import transaction

SIDE = 72
LIMIT = 2500

rows = [None] * SIDE


def compute_row(y):
    ci = -1.25 + 2.5 * y / SIDE
    row = []
    for x in range(SIDE):
        cr = -2.0 + 2.5 * x / SIDE
        zr = 0.0
        zi = 0.0
        zr2 = 0.0
        zi2 = 0.0
        n = 0
        while n < LIMIT and zr2 + zi2 <= 4.0:
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            zr2 = zr * zr
            zi2 = zi * zi
            n += 1
        row.append(n)
    return row


def cell(top, bottom):
    # Inside points (n == LIMIT) as half blocks; outside, shades by how
    # slowly the point escaped.
    if top == LIMIT:
        return "\u2588" if bottom == LIMIT else "\u2580"
    if bottom == LIMIT:
        return "\u2584"
    n = max(top, bottom)
    if n > 24:
        return "\u2592"
    if n > 10:
        return "\u2591"
    if n > 5:
        return "\u00b7"
    return " "


def draw_pair(k):
    top = compute_row(2 * k)
    bottom = compute_row(2 * k + 1)
    rows[2 * k] = top
    rows[2 * k + 1] = bottom
    print("".join([cell(top[x], bottom[x]) for x in range(SIDE)]).rstrip())


for k in range(SIDE // 2):
    transaction.add(draw_pair, k)
transaction.run()

total = 0
inside = 0
weighted = 0
for y in range(SIDE):
    row = rows[y]
    row_sum = 0
    for n in row:
        row_sum += n
        if n == LIMIT:
            inside += 1
    total += row_sum
    for x in range(SIDE):
        weighted = (weighted * 31 + row[x] * (x + 1)) % 1000000007
    weighted = (weighted + (y + 1) * row_sum) % 1000000007
print("iterations=%d inside=%d weighted=%d" % (total, inside, weighted))
