# Every transaction appends to one shared list; the final order must be the
# add order, including appends made by added transactions.
# repeat: 10
import transaction

out = []

def app(i):
    out.append(i)
    if i < 10000 and i % 100 == 7:
        transaction.add(app, 10000 + i)

for i in range(1500):
    transaction.add(app, i)
transaction.run()
print(len(out), out[:10])
print(out[1495:1515])
print(out == list(range(1500)) + [10000 + i for i in range(1500) if i % 100 == 7])
