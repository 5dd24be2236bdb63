# Bank transfers between accounts in a dict keyed by name, with a ledger of
# accepted transfers; a few hot accounts take part in most transfers.
# repeat: 6
import random
import transaction

names = ["acct%02d" % i for i in range(30)]
bank = {}
for i, n in enumerate(names):
    bank[n] = 500 + 10 * i
ledger = []

def transfer(k, src, dst, amount):
    if src != dst and bank[src] >= amount:
        bank[src] -= amount
        bank[dst] += amount
        ledger.append(k)

rng = random.Random(2024)
for k in range(2500):
    if rng.random() < 0.6:
        src = names[rng.randrange(3)]
    else:
        src = rng.choice(names)
    dst = rng.choice(names)
    transaction.add(transfer, k, src, dst, rng.randrange(1, 300))
transaction.run()
print("total", sum(bank.values()), "accepted", len(ledger), "checksum",
      sum(k * (i + 1) for i, k in enumerate(ledger)) % 1000003)
for n in names[:10]:
    print(n, bank[n])
print(sorted(bank.values())[-5:])
