# histogram: moderate conflicts.  One transaction per batch of samples:
# each draws pseudo-random samples (a sum of four uniform draws, roughly
# bell-shaped) and bins them.  Most batches bin into a histogram local to
# the transaction, stored at the end into their own slot of `local`: they
# are independent.  One batch in four (the "hot" ones, in runs of three:
# batches 0-2, 12-14, 24-26, ...) bins every sample straight into the
# shared histogram `shared` and then appends its number to the shared list
# `hot_log`: consecutive hot batches running at the same time conflict.
# The run checks that hot_log is in add order (commit order must be the
# serial order).
#
# Usage: python3 histogram.py [--size tiny|quick|default]
# Prints "OK histogram <size> <result>" when the result matches the table
# below, else "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/histogram.js is the JavaScript twin and prints the same line.

import sys
import transaction

# size -> (batches, samples per batch); one transaction per batch.
SIZES = {
    "tiny": (16, 500),
    "quick": (80, 1000),
    "default": (400, 6000),
}

EXPECTED = {
    "tiny": "samples=8000 hot=6 shared=3000 peak=15 checksum=962081551",
    "quick": "samples=80000 hot=21 shared=21000 peak=15 checksum=897814347",
    "default":
        "samples=2400000 hot=102 "
        "shared=612000 peak=16 checksum=958982259",
}

MODULUS = 2147483647
BINS = 32


def is_hot(index):
    return index // 3 % 4 == 0


def sample_batch(index, samples, local, shared, hot_log):
    state = index + 1
    hot = is_hot(index)
    counts = shared if hot else [0] * BINS
    for _ in range(samples):
        total = 0
        for _ in range(4):
            state = state * 48271 % MODULUS
            total += state
        counts[total * BINS // (4 * MODULUS)] += 1
    if hot:
        hot_log.append(index)
    else:
        local[index] = counts


def run(size):
    batches, samples = SIZES[size]
    local = [None] * batches
    shared = [0] * BINS
    hot_log = []
    for i in range(batches):
        transaction.add(sample_batch, i, samples, local, shared, hot_log)
    transaction.run()
    if hot_log != [i for i in range(batches) if is_hot(i)]:
        return "BAD hot_log order"
    merged = shared[:]
    for counts in local:
        if counts is not None:
            for b in range(BINS):
                merged[b] += counts[b]
    checksum = 0
    for b in range(BINS):
        checksum = (checksum * 131 + merged[b]) % 1000000007
        checksum = (checksum * 131 + shared[b]) % 1000000007
    peak = max(range(BINS), key=lambda b: merged[b])
    return "samples=%d hot=%d shared=%d peak=%d checksum=%d" % (
        sum(merged), len(hot_log), sum(shared), peak, checksum)


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
        sys.stderr.write("usage: histogram.py [--size tiny|quick|default]\n")
        return 2
    result = run(size)
    expected = EXPECTED.get(size)
    if expected is None:
        print("UNCHECKED histogram %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: histogram %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK histogram %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
