# Deep recursion inside transactions, and a RecursionError raised and caught
# inside one transaction, leaving the others unaffected.
import sys
import transaction

out = []

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def work(i):
    out.append((i, depth(100 + i * 50), ackermann(2, i)))

def runaway():
    def forever(n):
        return forever(n + 1) + 1
    try:
        forever(0)
    except RecursionError:
        out.append("recursion error caught")

for i in range(6):
    transaction.add(work, i)
transaction.add(runaway)
transaction.add(work, 6)
transaction.run()
print(out)
print(sys.getrecursionlimit() >= 1000)
