# counter: heavy conflicts.  One transaction per block of integers: each
# first takes a ticket (increments a counter in one shared dict), then
# computes the total Collatz stopping time of its block (independent integer
# work), then updates a running sum and an order-sensitive digest in the
# same dict.  Because the counter is read and written at the very start,
# any transaction that runs concurrently with its predecessor has read a
# stale counter and conflicts, so under an STM most parallel work is rolled
# back; the program shows that such a program still finishes in about its
# serial time (no livelock) and that commits follow the add order (the
# digest depends on the order of the updates).
#
# Usage: python3 counter.py [--size tiny|quick|default]
# Prints "OK counter <size> <result>" when the result matches the table
# below, else "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/counter.js is the JavaScript twin and prints the same line.

import sys
import transaction

# size -> (blocks, integers per block); one transaction per block.
SIZES = {
    "tiny": (16, 100),
    "quick": (100, 150),
    "default": (400, 600),
}

EXPECTED = {
    "tiny": "count=16 steps=104005 digest=74897013",
    "quick": "count=100 steps=1332895 digest=813770407",
    "default": "count=400 steps=27969827 digest=762287938",
}


def collatz_block(index, width, totals):
    totals["count"] += 1
    steps = 0
    for start in range(index * width + 1, (index + 1) * width + 1):
        n = start
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            steps += 1
    totals["sum"] += steps
    totals["digest"] = (totals["digest"] * 31 + steps) % 1000000007


def run(size):
    blocks, width = SIZES[size]
    totals = {"count": 0, "sum": 0, "digest": 0}
    for i in range(blocks):
        transaction.add(collatz_block, i, width, totals)
    transaction.run()
    return "count=%d steps=%d digest=%d" % (totals["count"], totals["sum"],
                                            totals["digest"])


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
        sys.stderr.write("usage: counter.py [--size tiny|quick|default]\n")
        return 2
    result = run(size)
    expected = EXPECTED.get(size)
    if expected is None:
        print("UNCHECKED counter %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: counter %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK counter %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
