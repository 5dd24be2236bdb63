# Module-level transactions feeding a TransactionQueue that is run later, and
# TransactionQueue transactions feeding the module queue: each add goes to the
# queue it names, whoever calls it.
import transaction

q = transaction.TransactionQueue()
log = []

def from_module(i):
    log.append("m%d" % i)
    q.add(from_queue, i)

def from_queue(i):
    log.append("q%d" % i)
    if i % 2:
        transaction.add(back_in_module, i)

def back_in_module(i):
    log.append("back%d" % i)

for i in range(6):
    transaction.add(from_module, i)
transaction.run()
print(log)
q.run()
print(log)
transaction.run()
print(log)
print(q.number_of_transactions_executed())
