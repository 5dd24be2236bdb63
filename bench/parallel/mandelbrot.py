# mandelbrot: escape-time iteration counts of the Mandelbrot set on a square
# grid over [-2, 0.5] x [-1.25, 1.25], one transaction per row.  Each
# transaction builds a new list of counts and stores it into its own slot
# rows[y] of a list allocated before transaction.run(), so the transactions
# are independent and write distinct slots of one shared list.  Float work
# in the inner loop, one list per row.
#
# Only + - * / and comparisons on floats: the counts are bit-for-bit the
# same on every IEEE-754 machine and in the JavaScript twin.
#
# Usage: python3 mandelbrot.py [--size tiny|quick|default]
# Prints "OK mandelbrot <size> <result>" when the result matches the table
# below, else "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/mandelbrot.js is the JavaScript twin and prints the same line.

import sys
import transaction

# size -> (side in points, maximum iterations); one transaction per row.
SIZES = {
    "tiny": (24, 50),
    "quick": (100, 100),
    "default": (400, 200),
}

EXPECTED = {
    "tiny": "iterations=9646 inside=148 weighted=81113397",
    "quick": "iterations=293737 inside=2501 weighted=507426444",
    "default": "iterations=8618637 inside=39163 weighted=293197764",
}


def compute_row(y, side, limit, rows):
    ci = -1.25 + 2.5 * y / side
    row = []
    for x in range(side):
        cr = -2.0 + 2.5 * x / side
        zr = 0.0
        zi = 0.0
        zr2 = 0.0
        zi2 = 0.0
        n = 0
        while n < limit and zr2 + zi2 <= 4.0:
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            zr2 = zr * zr
            zi2 = zi * zi
            n += 1
        row.append(n)
    rows[y] = row


def run(size):
    side, limit = SIZES[size]
    rows = [None] * side
    for y in range(side):
        transaction.add(compute_row, y, side, limit, rows)
    transaction.run()
    total = 0
    inside = 0
    weighted = 0
    for y in range(side):
        row = rows[y]
        row_sum = 0
        for n in row:
            row_sum += n
            if n == limit:
                inside += 1
        total += row_sum
        # Weighted by row and by column, so a misplaced row or point shows.
        for x in range(side):
            weighted = (weighted * 31 + row[x] * (x + 1)) % 1000000007
        weighted = (weighted + (y + 1) * row_sum) % 1000000007
    return "iterations=%d inside=%d weighted=%d" % (total, inside, weighted)


def parse_size(argv):
    # "--size NAME" or "--size=NAME"; None on a bad command line.
    args = argv[1:]
    if not args:
        return "default"
    if len(args) == 2 and args[0] == "--size":
        name = args[1]
    elif len(args) == 1 and args[0].startswith("--size="):
        name = args[0][len("--size="):]
    else:
        return None
    return name if name in SIZES else None


def main(argv):
    size = parse_size(argv)
    if size is None:
        sys.stderr.write("usage: mandelbrot.py [--size tiny|quick|default]\n")
        return 2
    result = run(size)
    expected = EXPECTED.get(size)
    if expected is None:
        print("UNCHECKED mandelbrot %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: mandelbrot %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK mandelbrot %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
