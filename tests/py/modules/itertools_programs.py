# Small programs composed from itertools.
from itertools import groupby, accumulate, product, combinations, chain, islice, count
def run_length(s):
    return "".join(f"{len(list(g))}{k}" for k, g in groupby(s))
print(run_length("aaabbbccccd"), run_length(""))
print(list(accumulate(range(1, 11), lambda a, b: a * b))[-1])
dice = [a + b for a, b in product(range(1, 7), repeat=2)]
print({s: dice.count(s) for s in range(2, 13)})
print([c for c in combinations(range(1, 10), 3) if sum(c) == 15][:5])
print(list(islice(chain.from_iterable(repeatable for repeatable in (["x", "y"], ["z"])), 10)))
tri = (n * (n + 1) // 2 for n in count(1))
print(next(t for t in tri if t > 1000))
