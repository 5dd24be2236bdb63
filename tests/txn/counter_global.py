# High conflict: every transaction increments one module global.  No
# increment may be lost, and the value each transaction sees is its position.
# repeat: 10
import transaction

counter = 0
bad = []

def incr(i):
    global counter
    if counter != i:
        bad.append((i, counter))
    counter += 1

for i in range(2000):
    transaction.add(incr, i)
transaction.run()
print("counter", counter, "out of order", bad[:5])
