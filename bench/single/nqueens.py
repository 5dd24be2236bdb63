# nqueens: finds every placement of n non-attacking queens on an n x n board
# by recursive backtracking over rows, with sets of occupied columns and
# diagonals (a solution is a tuple of column indexes), then counts the
# solutions that are distinct under the 8 symmetries of the square by
# reducing each to its smallest rotation or reflection.
#
# Exercises recursion, set add/remove/membership, list append/pop, tuple
# creation and comparison, and a set of tuples.  The checksum folds every
# solution in the order found, so it also checks the search order.
#
# Usage: python3 nqueens.py [n]
# Prints "OK nqueens <solutions> <distinct> <checksum>" when all three match
# the table below.

import sys

DEFAULT_SIZE = 12

# n -> (solutions, distinct solutions, checksum of the solutions in order
# found).
EXPECTED = {
    6: (4, 1, 402440710),
    8: (92, 12, 527126733),
    12: (14200, 1787, 808194574),
}


def place(n, row, placed, cols, diag_down, diag_up, solutions):
    if row == n:
        solutions.append(tuple(placed))
        return
    for col in range(n):
        if col in cols:
            continue
        down = row - col
        if down in diag_down:
            continue
        up = row + col
        if up in diag_up:
            continue
        cols.add(col)
        diag_down.add(down)
        diag_up.add(up)
        placed.append(col)
        place(n, row + 1, placed, cols, diag_down, diag_up, solutions)
        placed.pop()
        cols.remove(col)
        diag_down.remove(down)
        diag_up.remove(up)


def solve(n):
    solutions = []
    place(n, 0, [], set(), set(), set(), solutions)
    return solutions


def rotate(sol, n):
    # The queen at (row, col) moves to (col, n - 1 - row).
    rotated = [0] * n
    for row, col in enumerate(sol):
        rotated[col] = n - 1 - row
    return tuple(rotated)


def canonical(sol, n):
    best = sol
    for _ in range(4):
        mirrored = tuple([n - 1 - col for col in sol])
        if sol < best:
            best = sol
        if mirrored < best:
            best = mirrored
        sol = rotate(sol, n)
    return best


def checksum(solutions, n):
    total = 0
    for sol in solutions:
        code = 0
        for col in sol:
            code = code * n + col
        total = (total * 31 + code) % 1000000007
    return total


def run(n):
    solutions = solve(n)
    distinct = {canonical(sol, n) for sol in solutions}
    return len(solutions), len(distinct), checksum(solutions, n)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = run(size)
    shown = "%d %d %d" % result
    if size not in EXPECTED:
        print("UNCHECKED nqueens %d %s" % (size, shown))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: nqueens %d: "
                         "got %s, expected %d %d %d\n"
                         % ((size, shown) + tuple(EXPECTED[size])))
        sys.exit(1)
    print("OK nqueens %s" % shown)


main()
