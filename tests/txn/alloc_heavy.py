# Transactions that allocate many objects (lists, dicts, tuples, strings,
# instances, reference cycles), most of them garbage at once, so that the
# collector has work while the workers run; only a little survives.
# repeat: 3
import transaction

class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.next = nxt
        self.back = None

survivors = []

def churn(i):
    head = None
    for k in range(300):
        head = Node(k, head)
        if head.next is not None:
            head.next.back = head         # a cycle
        junk = [k] * 5 + [str(k)]
        junk2 = {"k": k, "t": (k, i), "s": "%d-%d" % (i, k)}
    total = 0
    n = head
    while n is not None:
        total += n.v
        n = n.next
    survivors.append((i, total, len(junk), junk2["s"]))
    big = [[j] * 10 for j in range(200)]
    survivors[-1] += (sum(len(x) for x in big),)

for i in range(150):
    transaction.add(churn, i)
transaction.run()
print(len(survivors), survivors[:2], survivors[-1])
print(sum(s[1] for s in survivors))
