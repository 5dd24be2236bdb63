# Threads and atomic blocks.
#
# THREADS threads share the work of finding the longest Collatz chains
# below LIMIT: thread t takes the numbers t+1, t+1+THREADS, ...  Each
# computes chain lengths on its own (in parallel: threads run as
# transactions, so they do not wait on a global lock), and every CHUNK
# numbers it folds its findings into the shared statistics in one
# `with transaction.atomic:` block.  The block updates several shared
# objects at once (a histogram, a count, the record holder); being atomic,
# no other thread ever sees it half done, so the invariant checked inside
# (the histogram adds up to the count) always holds, without any lock.
import threading
import transaction

THREADS = 4
LIMIT = 60000
CHUNK = 500

histogram = {}          # chain length // 50 -> how many numbers
stats = {"count": 0, "best": 0, "best_n": 0, "checks": 0}


def chain_length(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def fold(found):
    with transaction.atomic:
        assert sum(histogram.values()) == stats["count"], "torn update seen"
        stats["checks"] += 1
        for length, n in found:
            bucket = length // 50
            histogram[bucket] = histogram.get(bucket, 0) + 1
            stats["count"] += 1
            # Ties go to the smaller number, so the result does not depend
            # on the order in which the threads fold.
            if length > stats["best"] or (length == stats["best"] and n < stats["best_n"]):
                stats["best"] = length
                stats["best_n"] = n


def worker(t):
    found = []
    for n in range(t + 1, LIMIT, THREADS):
        found.append((chain_length(n), n))
        if len(found) == CHUNK:
            fold(found)
            found = []
    fold(found)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

print("numbers below %d: %d" % (LIMIT, stats["count"]))
print("longest chain: %d steps, from %d" % (stats["best"], stats["best_n"]))
print("atomic folds: %d, every one saw a consistent histogram" % stats["checks"])
for bucket in sorted(histogram):
    print("  %3d-%3d steps: %5d" % (bucket * 50, bucket * 50 + 49, histogram[bucket]))
