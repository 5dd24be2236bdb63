# time.sleep inside a transaction cannot be undone, so the transaction waits
# for its turn; the order of prints and effects is still the add order.
# repeat: 3
import time
import transaction

log = []

def napper(i):
    log.append(("before", i))
    if i % 4 == 0:
        time.sleep(0.002)
    log.append(("after", i))
    print("napper", i, len(log))

for i in range(24):
    transaction.add(napper, i)
transaction.run()
print(log == [(w, i) for i in range(24) for w in ("before", "after")])
