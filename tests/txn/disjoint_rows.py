# Disjoint list slots: transaction i computes rows[i] = f(i) and touches
# nothing else shared (the case that should scale).
# repeat: 3
import transaction

def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

N = 400
rows = [None] * N

def fill(i):
    best = 0
    for n in range(i * 10 + 1, i * 10 + 11):
        best = max(best, collatz_len(n))
    rows[i] = (i, best)

for i in range(N):
    transaction.add(fill, i)
transaction.run()
print(rows[:5])
print(rows[-3:])
print(sum(b for _, b in rows), max(rows, key=lambda r: r[1]))
