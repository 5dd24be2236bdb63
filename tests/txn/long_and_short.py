# Long transactions beside short ones: short transactions after a long one in
# the queue must still appear after it, and see its result.
# repeat: 3
import transaction

results = []

def long_one(n):
    s = 0
    for i in range(n):
        s = (s + i * i) % 1000003
    results.append(("long", n, s))

def short_one(i):
    results.append(("short", i, len(results)))

for j in range(6):
    transaction.add(long_one, 20000 + j * 5000)
    for i in range(25):
        transaction.add(short_one, j * 100 + i)
transaction.run()
print(len(results))
for r in results:
    if r[0] == "long" or r[1] % 100 in (0, 24):
        print(r)
