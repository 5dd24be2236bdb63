# Count the primes below N with the transaction module: one transaction per
# block of numbers.  The transactions are independent, so they run in parallel
# on every worker; the result, and every line printed, is the same as running
# them one by one (PYTHONPATH=reference python3 examples/primes.py).
import sys
import transaction

N = int(sys.argv[1]) if len(sys.argv) > 1 else 400000
BLOCK = 10000
counts = [0] * ((N + BLOCK - 1) // BLOCK)


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_block(i):
    lo = i * BLOCK
    hi = min(lo + BLOCK, N)
    counts[i] = sum(1 for n in range(lo, hi) if is_prime(n))
    if i % 10 == 9:
        print("blocks up to", i, "done:", sum(counts[: i + 1]), "primes so far")


for i in range(len(counts)):
    transaction.add(count_block, i)
t0 = transaction.clock()
transaction.run()
t1 = transaction.clock()
print("primes below", N, ":", sum(counts))
print("workers available:", transaction.getsegmentlimit(), file=sys.stderr)
print("time: %.2f s" % (t1 - t0), file=sys.stderr)
