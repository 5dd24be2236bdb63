# An exception in a transaction added by another transaction: the parent's
# effects are kept, the siblings added before the failing child have run, the
# ones after have not, and they all still run after a second run().
import transaction

trace = []

def child(p, k):
    trace.append("%s.%d" % (p, k))
    if p == "p1" and k == 1:
        raise ZeroDivisionError("child %s.%d" % (p, k))

def parent(p):
    trace.append(p)
    for k in range(3):
        transaction.add(child, p, k)

for p in ("p0", "p1", "p2"):
    transaction.add(parent, p)
try:
    transaction.run()
except ZeroDivisionError as e:
    print("stopped by", repr(e))
print(trace)
transaction.run()
print(trace)
