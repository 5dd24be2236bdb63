# Transactions sort shared lists of records in place with different keys, and
# others read the order left behind (sorting is stable, so order matters).
import transaction

people = [("n%02d" % i, (i * 37) % 23, (i * 11) % 7) for i in range(40)]
snapshots = []

def sort_by(field, rev):
    people.sort(key=lambda p: p[field], reverse=rev)

def snap(tag):
    snapshots.append((tag, [p[0] for p in people[:6]]))

for k, (field, rev) in enumerate([(1, False), (2, True), (0, True), (2, False),
                                  (1, True), (0, False), (2, False)]):
    transaction.add(sort_by, field, rev)
    transaction.add(snap, k)
transaction.add(lambda: people.sort(key=lambda p: (p[2], -p[1])))
transaction.add(snap, "last")
transaction.run()
for s in snapshots:
    print(s)
print(sorted(people, key=lambda p: p[0]) == sorted(people))
