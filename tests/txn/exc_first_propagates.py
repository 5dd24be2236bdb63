# The first failing transaction's exception leaves run(); the transactions
# behind it have not run (no prints, no effects) and stay queued, so a second
# run() carries on with them.
# repeat: 5
import transaction

done = []

def work(i):
    print("work", i)
    done.append(i)
    if i in (7, 13):
        raise ValueError("bad item %d" % i)

for i in range(20):
    transaction.add(work, i)
try:
    transaction.run()
except ValueError as e:
    print("caught:", e)
print("after first run:", done)
try:
    transaction.run()
except ValueError as e:
    print("caught:", e)
print("after second run:", done)
transaction.run()
print("after third run:", done)
transaction.run()
print("nothing left:", len(done))
