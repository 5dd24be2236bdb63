# High conflict on one dict entry beside low-conflict entries of the same dict.
# repeat: 10
import transaction

d = {"total": 0, "last": None}

def count(i):
    d["total"] += 1
    d["last"] = i
    key = "bucket%d" % (i % 7)
    d[key] = d.get(key, 0) + i

for i in range(1500):
    transaction.add(count, i)
transaction.run()
print(list(d.items()))
