# Transactions add to and discard from shared sets of ints; some read the
# size; results printed sorted.
# repeat: 5
import transaction

evens = set()
seen = set()
sizes = []

def step(i):
    seen.add(i % 97)
    if i % 2 == 0:
        evens.add(i)
    if i % 3 == 0:
        evens.discard(i - 6)
    if i % 100 == 0:
        sizes.append((len(evens), len(seen)))

for i in range(1000):
    transaction.add(step, i)
transaction.run()
print(len(evens), sorted(evens)[:10], sorted(evens)[-5:])
print(len(seen), sizes)
frozen = frozenset(evens)
print(sum(frozen), 998 in frozen, 996 in frozen)
