# An exception in a TransactionQueue transaction propagates out of run(); the
# failing transaction counts as executed, the rest stay queued in that queue,
# and other queues are unaffected.
import transaction

q1 = transaction.TransactionQueue()
q2 = transaction.TransactionQueue()
log = []

def step(name, i):
    log.append("%s%d" % (name, i))
    if name == "a" and i in (3, 6):
        raise ValueError("a%d" % i)

for i in range(8):
    q1.add(step, "a", i)
    q2.add(step, "b", i)
try:
    q1.run()
except ValueError as e:
    print("q1 raised", e, "executed", q1.number_of_transactions_executed())
q2.run()
print("q2 executed", q2.number_of_transactions_executed())
try:
    q1.run(2)
except ValueError as e:
    print("q1 raised", e, "executed", q1.number_of_transactions_executed())
q1.run()
print("q1 executed", q1.number_of_transactions_executed())
print(log)
