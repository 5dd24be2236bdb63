# nb_segments must be a non-negative integer; a bad value raises before any
# transaction runs and leaves the queue intact.
import transaction

q = transaction.TransactionQueue()
out = []
for i in range(5):
    q.add(out.append, i)
for bad in (-1, -100):
    try:
        q.run(bad)
    except ValueError:
        print("ValueError for", bad)
for bad in ("2", 1.5, None):
    try:
        q.run(bad)
    except TypeError:
        print("TypeError for", repr(bad))
print(out, q.number_of_transactions_executed())
q.run(True)
print(out, q.number_of_transactions_executed())
print(transaction.getsegmentlimit() >= 1)
