# Primes: independent CPU-bound work.
#
# Count the primes below LIMIT by trial division, the range cut into
# SLICES equal slices, one transaction per slice.  Each transaction writes
# only its own slot of `counts` and `sums`, so none conflicts with another:
# they all run at once, one per worker.  print() inside a transaction
# happens when it commits, and commits follow the order of
# transaction.add, so the output is the same on 1 worker, on 8, and under
# CPython (PYTHONPATH=reference python3 primes.py).
import transaction

LIMIT = 600000
SLICES = 40

counts = [0] * SLICES
sums = [0] * SLICES


def count_slice(i):
    lo = LIMIT * i // SLICES
    hi = LIMIT * (i + 1) // SLICES
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
    counts[i] = count
    sums[i] = total
    print("slice %2d: %6d..%6d  %4d primes" % (i, lo, hi, count))


for i in range(SLICES):
    transaction.add(count_slice, i)
transaction.run()

# Weighted by slice number, so a count stored in the wrong slot would show.
weighted = 0
for i in range(SLICES):
    weighted = (weighted + (i + 1) * counts[i]) % 1000000007
print("count=%d sum=%d weighted=%d" % (sum(counts), sum(sums), weighted))
