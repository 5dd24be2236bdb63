# One generator (and one iterator over a list) shared by all transactions:
# every transaction advances it, so each must see the next value in order.
# repeat: 6
import transaction

def numbers():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007

gen = numbers()
it = iter(range(0, 10000, 3))
taken = []

def take(i):
    taken.append((i, next(gen), next(it)))

for i in range(400):
    transaction.add(take, i)
transaction.run()
print(taken[:6])
print(taken[-2:])
print(all(t[2] == 3 * t[0] for t in taken))
