# Transactions read stdin (an irreversible action): each one gets the next
# line in add order, including transactions added by transactions.
import sys
import transaction

got = []

def reader(i):
    line = sys.stdin.readline()
    got.append((i, line.strip()))
    if i == 2:
        transaction.add(reader, 100)

def reader_input(i):
    got.append((i, input()))

for i in range(5):
    transaction.add(reader, i)
    transaction.add(reader_input, -i)
transaction.run()
for g in got:
    print(g)
print("rest:", sys.stdin.read().split())
