# TransactionQueue: its own queue, run() in add order, transactions that add
# to the same queue, and number_of_transactions_executed() over several runs.
# repeat: 5
import transaction

q = transaction.TransactionQueue()
print("fresh", q.number_of_transactions_executed())
q.run()
print("empty run", q.number_of_transactions_executed())
out = []

def work(i):
    out.append(i)
    if i < 5:
        q.add(work, i + 100)

for i in range(10):
    q.add(work, i)
print("added, executed", q.number_of_transactions_executed())
q.run()
print(out)
print("executed", q.number_of_transactions_executed())
for i in range(3):
    q.add(out.append, -i)
q.run()
print(out[-3:], "executed", q.number_of_transactions_executed())
