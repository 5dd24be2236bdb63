# 20000 tiny transactions, mostly added by one transaction: the queue itself
# must keep order and lose nothing.
# repeat: 3
import transaction

hits = [0] * 100
order_ok = [True]
last = [-1]

def tiny(i):
    hits[i % 100] += 1
    if i != last[0] + 1:
        order_ok[0] = False
    last[0] = i

def spawner(base, n):
    for i in range(base, base + n):
        transaction.add(tiny, i)

transaction.add(spawner, 0, 15000)
transaction.add(spawner, 15000, 5000)
transaction.run()
print(sum(hits), min(hits), max(hits), order_ok[0], last[0])
