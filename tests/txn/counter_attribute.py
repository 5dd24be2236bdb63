# High conflict on one instance attribute and one class attribute.
# repeat: 10
import transaction

class Stats:
    created = 0

    def __init__(self):
        Stats.created += 1
        self.hits = 0
        self.weighted = 0

s = Stats()

def hit(i):
    s.hits += 1
    s.weighted = s.weighted * 3 % 1000003 + i   # order-dependent
    Stats.created += 1

for i in range(1500):
    transaction.add(hit, i)
transaction.run()
print(s.hits, s.weighted, Stats.created)
