# A chain: every transaction adds the next one and depends on the value the
# previous one left, so the chain can only be right if run in order.
# repeat: 5
import transaction

acc = [1]
steps = []

def step(n):
    prev = acc[-1]
    acc.append((prev * 31 + n) % 1000003)
    steps.append(n)
    if n % 50 == 0:
        print("step", n, acc[-1])
    if n < 400:
        transaction.add(step, n + 1)

transaction.add(step, 0)
transaction.run()
print(len(acc), acc[-1], steps == list(range(401)))
