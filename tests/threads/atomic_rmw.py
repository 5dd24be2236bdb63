# `with transaction.atomic:` makes a read-modify-write atomic across threads
# without any lock, even when the block is long and calls functions.
# repeat: 6
import threading
import transaction

accounts = [100] * 10
moves = [0]

def transfer(t):
    for i in range(300):
        src = (t + i) % 10
        dst = (t * 3 + i * 7) % 10
        with transaction.atomic:
            a = accounts[src]
            b = accounts[dst]
            amount = (i % 13) + 1
            if src != dst and a >= amount:
                accounts[src] = a - amount
                accounts[dst] = accounts[dst] + amount
                moves[0] += 1

def auditor(results):
    for _ in range(200):
        with transaction.atomic:
            results.append(sum(accounts))

audits = []
ts = [threading.Thread(target=transfer, args=(t,)) for t in range(4)]
ts.append(threading.Thread(target=auditor, args=(audits,)))
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sum(accounts), len(audits), set(audits) == {1000})
print(moves[0] > 0)
