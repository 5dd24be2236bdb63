# Transactions update a handful of shared keys with order-dependent updates,
# delete and re-insert keys (changing the iteration order), and read others.
# repeat: 6
import transaction

d = {"a": 1, "b": 2, "c": 3, "d": 4}
reads = []

def step(i):
    k = "abcd"[i % 4]
    if k in d:
        d[k] = (d[k] * 5 + i) % 9973
    else:
        d[k] = i
    if i % 37 == 0:
        victim = "abcd"[(i // 37) % 4]
        if victim in d:
            del d[victim]
    if i % 50 == 0:
        reads.append(list(d.items()))

for i in range(1200):
    transaction.add(step, i)
transaction.run()
print(list(d.items()))
for r in reads[:6]:
    print(r)
print(len(reads))
