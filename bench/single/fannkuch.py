# fannkuch: for every permutation of 0..n-1, repeatedly reverse the prefix
# whose length is given by the first element until 0 comes first; report the
# largest number of flips and a checksum (flips added for even-indexed
# permutations, subtracted for odd ones, in the usual rotation order).
#
# Exercises list slicing, slice assignment and small-integer loops.
#
# Usage: python3 fannkuch.py [n]
# Prints "OK fannkuch <checksum> <maxflips>" when both match the table below.

import sys

DEFAULT_SIZE = 9

# n -> (checksum, max flips).
EXPECTED = {
    5: (11, 7),
    7: (228, 16),
    8: (1616, 22),
    9: (8629, 30),
    10: (73196, 38),
}


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        flips = 0
        k = perm1[0]
        if k:
            perm = perm1[:]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
        checksum += sign * flips
        sign = -sign

        # Advance to the next permutation: rotate the first r+1 elements
        # left until one of the counters is still positive.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = fannkuch(size)
    shown = "%d %d" % result
    if size not in EXPECTED:
        print("UNCHECKED fannkuch %d %s" % (size, shown))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: fannkuch %d: got %s, expected %d %d\n"
                         % ((size, shown) + EXPECTED[size]))
        sys.exit(1)
    print("OK fannkuch %s" % shown)


main()
