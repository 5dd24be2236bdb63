# New keys inserted into one shared dict by many transactions: each
# transaction's own reads must see its inserts (get, in, len, iteration,
# del, pop, setdefault, update), the final order of keys must be the serial
# order, and the same new key inserted by several transactions must keep the
# value of the last one in add order.
# repeat: 4
import transaction

shared = {"base": 0}
log = []


def work(i):
    k = "k%d" % i
    shared[k] = i
    assert shared[k] == i and k in shared and shared.get(k) == i
    shared["common"] = i                       # same new key from everyone
    if i % 7 == 0:
        n = len(shared)                        # sees its own inserts
        log.append((i, n > 0, k in list(shared)))
    if i % 5 == 0:
        tmp = "tmp%d" % i
        shared[tmp] = -1
        del shared[tmp]                        # insert then delete in one transaction
        assert tmp not in shared
    if i % 11 == 0:
        shared.setdefault("sd%d" % i, []).append(i)
        shared.update({("t", i): i * 2})
        v = shared.pop(("t", i))
        shared[("t", i)] = v + 1
    s = 0
    for j in range(200):
        s += j * i % 13
    shared["sum%d" % i] = s


for i in range(120):
    transaction.add(work, i)
transaction.run()
keys = list(shared)
print(len(shared), keys[:8], keys[-4:])
print(shared["common"], sum(v for k, v in shared.items() if isinstance(k, str) and k.startswith("sum")))
print(sorted((k[1], v) for k, v in shared.items() if isinstance(k, tuple))[:5])
print(log[:5], len(log))
print(any(k.startswith("tmp") for k in shared if isinstance(k, str)))
