# sys.exit(3) inside a transaction ends the program with exit status 3 after
# the output of the transactions before it; the rest never run.
import sys
import transaction

def work(i):
    print("work", i)
    if i == 4:
        sys.exit(3)

for i in range(8):
    transaction.add(work, i)
transaction.run()
print("not reached")
