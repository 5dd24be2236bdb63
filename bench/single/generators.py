# generators: generator- and comprehension-heavy pipelines.  Each round
# streams pseudo-random numbers through a chain of generator functions and
# generator expressions (filter, map, sliding-window sums, running totals,
# itertools.groupby/islice/accumulate/takewhile), finds primes with an
# incremental dict-based sieve written as an infinite generator, walks a
# binary tree in order with recursive "yield from", drives a coroutine with
# send(), and builds list, dict and set comprehensions.
#
# Exercises generator creation, resumption and closing, yield from, send,
# StopIteration at the end of for loops, closures and the itertools and
# collections.deque helpers.
#
# Usage: python3 generators.py [n]
# Prints "OK generators <checksum>" when it matches the table below.

import sys
import itertools
from collections import deque

DEFAULT_SIZE = 80000
ROUNDS = 4

# n -> checksum.
EXPECTED = {
    500: 861588691,
    5000: 310296407,
    80000: 704955773,
}

MODULUS = 1000000007


class CheckError(Exception):
    pass


def random_stream(seed):
    # Infinite stream of 31-bit linear congruential numbers.
    state = seed
    while True:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        yield state >> 4


def keep(predicate, items):
    for item in items:
        if predicate(item):
            yield item


def window_sums(items, width):
    window = deque()
    total = 0
    for item in items:
        window.append(item)
        total += item
        if len(window) > width:
            total -= window.popleft()
        if len(window) == width:
            yield total


def primes():
    # Incremental sieve: composites maps each upcoming composite to the
    # primes that step onto it.
    composites = {}
    for candidate in itertools.count(2):
        factors = composites.pop(candidate, None)
        if factors is None:
            yield candidate
            composites[candidate * candidate] = [candidate]
        else:
            for p in factors:
                composites.setdefault(candidate + p, []).append(p)


class Node:
    def __init__(self, key, left, right):
        self.key = key
        self.left = left
        self.right = right


def build_tree(keys, lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(keys[mid], build_tree(keys, lo, mid),
                build_tree(keys, mid + 1, hi))


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.key
        yield from in_order(node.right)


def averager():
    # Coroutine: receives numbers, yields the running mean (integer part).
    count = 0
    total = 0
    mean = 0
    while True:
        value = yield mean
        count += 1
        total += value
        mean = total // count


def pairwise(items):
    it = iter(items)
    prev = next(it, None)
    for item in it:
        yield prev, item
        prev = item


def pipeline_round(n, seed):
    numbers = itertools.islice(random_stream(seed), n)
    small = (x % 10000 for x in numbers)
    odd = keep(lambda x: x & 1, small)
    scaled = map(lambda x: x * 3 + 1, odd)
    sums = window_sums(scaled, 8)
    running = itertools.accumulate(sums)
    last = 0
    count = 0
    for value in running:
        last = value
        count += 1
    return (last + count) % MODULUS


def grouping_round(n, seed):
    values = sorted(v % 97 for v in itertools.islice(random_stream(seed), n))
    total = 0
    for key, group in itertools.groupby(values, key=lambda v: v // 10):
        members = list(group)
        total = (total * 31 + key * len(members) + max(members)) % MODULUS
    ascending = sum(1 for a, b in pairwise(values) if a < b)
    prefix = sum(itertools.takewhile(lambda v: v < 50, values))
    return (total + ascending + prefix) % MODULUS


def primes_round(n):
    count = n // 8
    total = 0
    for p in itertools.islice(primes(), count):
        total += p
    return total % MODULUS


def tree_round(n, seed):
    keys = sorted(set(itertools.islice(random_stream(seed), n // 2)))
    root = build_tree(keys, 0, len(keys))
    walked = 0
    checksum = 0
    for a, b in pairwise(in_order(root)):
        if a >= b:
            raise CheckError("in-order walk out of order")
        walked += 1
        checksum = (checksum * 7 + (b - a)) % MODULUS
    return (checksum + walked) % MODULUS


def coroutine_round(n, seed):
    mean = averager()
    next(mean)
    last = 0
    for value in itertools.islice(random_stream(seed), n):
        last = mean.send(value % 1000)
    mean.close()
    return last


def comprehension_round(n):
    side = 60
    matrix = [[(r * side + c) % 17 for c in range(side)] for r in range(side)]
    transposed = [[row[c] for row in matrix] for c in range(side)]
    diagonal = sum(transposed[i][i] for i in range(side))
    squares = {i: i * i % 1009 for i in range(n)}
    residues = {v for v in squares.values() if v % 3 == 0}
    flat = [x for row in transposed for x in row if x > 8]
    total = diagonal + len(residues) + sum(flat) + sum(squares.values())
    return total % MODULUS


def run(n):
    checksum = 0
    for r in range(ROUNDS):
        seed = 12345 + r
        for part in (pipeline_round(n, seed), grouping_round(n, seed),
                     primes_round(n), tree_round(n, seed),
                     coroutine_round(n, seed), comprehension_round(n)):
            checksum = (checksum * 131 + part) % MODULUS
    return checksum


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    try:
        result = run(size)
    except CheckError as err:
        sys.stderr.write("CHECK FAILED: generators %d: %s\n" % (size, err))
        sys.exit(1)
    if size not in EXPECTED:
        print("UNCHECKED generators %d %d" % (size, result))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: generators %d: got %d, expected %d\n"
                         % (size, result, EXPECTED[size]))
        sys.exit(1)
    print("OK generators %d" % result)


main()
