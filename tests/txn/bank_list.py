# Bank transfers between accounts in a list, chosen by a seeded generator.  A
# transfer happens only if the source has the money, so the final balances
# depend on the order; the total is conserved.
# repeat: 6
import random
import transaction

N = 40
accounts = [1000] * N
refused = [0]

def transfer(src, dst, amount):
    if accounts[src] >= amount:
        accounts[src] -= amount
        accounts[dst] += amount
    else:
        refused[0] += 1

rng = random.Random(12345)
for _ in range(3000):
    src = rng.randrange(N)
    dst = rng.randrange(N)
    transaction.add(transfer, src, dst, rng.randrange(1, 400))
transaction.run()
print("total", sum(accounts), "refused", refused[0])
for i in range(0, N, 10):
    print(accounts[i:i + 10])
