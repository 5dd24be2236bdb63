# High conflict on a closure cell: transactions are closures that share one
# counter through nonlocal, plus a counter kept in a default-argument list.
# repeat: 6
import transaction

def make():
    n = 0
    seen = []

    def bump(i, box=[0]):
        nonlocal n
        n += i
        box[0] += 1
        if i % 200 == 0:
            seen.append((i, n, box[0]))

    def result():
        return n, seen
    return bump, result

bump, result = make()
for i in range(1000):
    transaction.add(bump, i)
transaction.run()
n, seen = result()
print(n, seen)
