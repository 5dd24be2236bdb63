# primes: counts the primes below a limit by trial division, the range cut
# into equal slices, one transaction per slice.  The transactions are
# independent: each writes only its own slot of `counts` and `sums`, lists
# allocated before transaction.run().  Pure integer work, no allocation in
# the inner loop: the best case for scaling.
#
# Usage: python3 primes.py [--size tiny|quick|default]
# (under CPython with the serial reference module on PYTHONPATH; under txpy
# with --workers N).  Prints "OK primes <size> <result>" when the result
# matches the table below, else "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/primes.js is the JavaScript twin and prints the same line.

import sys
import transaction

# size -> (limit, slices)
SIZES = {
    "tiny": (20000, 16),
    "quick": (200000, 100),
    "default": (1000000, 400),
}

EXPECTED = {
    "tiny": "count=2262 sum=21171191 weighted=18076",
    "quick": "count=17984 sum=1709600813 weighted=863771",
    "default": "count=78498 sum=37550402023 weighted=15059349",
}


def count_slice(lo, hi, counts, sums, index):
    # Primes p with lo <= p < hi: 2, then odd p with no odd divisor d,
    # 3 <= d, d * d <= p.
    count = 0
    total = 0
    n = lo
    if n <= 2 < hi:
        count = 1
        total = 2
    if n < 3:
        n = 3
    if n % 2 == 0:
        n += 1
    while n < hi:
        d = 3
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 2
        if prime:
            count += 1
            total += n
        n += 2
    counts[index] = count
    sums[index] = total


def run(size):
    limit, slices = SIZES[size]
    counts = [0] * slices
    sums = [0] * slices
    for i in range(slices):
        lo = limit * i // slices
        hi = limit * (i + 1) // slices
        transaction.add(count_slice, lo, hi, counts, sums, i)
    transaction.run()
    # Weighted by slice number, so a result written to the wrong slot shows.
    weighted = 0
    for i in range(slices):
        weighted = (weighted + (i + 1) * counts[i]) % 1000000007
    return "count=%d sum=%d weighted=%d" % (sum(counts), sum(sums), weighted)


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
        sys.stderr.write("usage: primes.py [--size tiny|quick|default]\n")
        return 2
    result = run(size)
    expected = EXPECTED.get(size)
    if expected is None:
        print("UNCHECKED primes %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: primes %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK primes %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
