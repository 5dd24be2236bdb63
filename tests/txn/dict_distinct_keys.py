# Each transaction inserts its own key into one shared dict: no two write the
# same key, but the dict's insertion order must still be the add order.
# repeat: 5
import transaction

d = {}

def put(i):
    d["k%04d" % ((i * 7919) % 1000)] = i * i

for i in range(1000):
    transaction.add(put, i)
transaction.run()
keys = list(d)
print(len(d), keys[:6], keys[-3:])
print(sum(d.values()), list(d.values())[:8])
