# Transactions insert many keys into one dict, forcing it to grow and rehash
# while other transactions read and delete keys; order and content checked.
# repeat: 5
import transaction

d = {}
missing = []

def writer(base):
    for k in range(base, base + 40):
        d[k] = str(k)

def reader(k):
    if d.get(k) != str(k):
        missing.append(k)

def deleter(k):
    d.pop(k, None)

for b in range(0, 4000, 40):
    transaction.add(writer, b)
    transaction.add(reader, b + 5)
    if b % 400 == 0:
        transaction.add(deleter, b + 1)
transaction.run()
print(len(d), missing, list(d)[:5], list(d)[-2:])
