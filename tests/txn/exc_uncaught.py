# An uncaught exception from a transaction ends the program with exit status 1
# and a traceback whose last line is the exception; prints of the transactions
# before it appear, later ones do not.
import transaction

def work(i):
    print("work", i)
    if i == 5:
        raise RuntimeError("transaction %d failed" % i)

for i in range(10):
    transaction.add(work, i)
print("start")
transaction.run()
print("not reached")
