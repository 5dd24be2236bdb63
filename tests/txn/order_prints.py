# Prints from many transactions appear in add order, with values that depend
# on the transaction's own arguments and on state left by earlier ones.
# repeat: 5
import transaction

seen = []

def work(i):
    seen.append(i)
    total = 0
    for k in range(i % 17 + 1):
        total += k * i
    print("txn", i, "total", total, "seen", len(seen))

for i in range(300):
    transaction.add(work, i)
print("queued")
transaction.run()
print("done", len(seen), seen == list(range(300)))
