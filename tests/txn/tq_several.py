# Several TransactionQueues are independent of each other and of the module
# queue: each runs only its own entries, keeps its own count, and nb_segments
# (any value) changes nothing in the result.
# repeat: 5
import transaction

queues = [transaction.TransactionQueue() for _ in range(4)]
shared = []

def job(qi, i):
    shared.append((qi, i))
    if i % 10 == 9:
        queues[qi].add(job, qi, i * 100)

for i in range(30):
    for qi, q in enumerate(queues):
        q.add(job, qi, i)
transaction.add(shared.append, "module")

segs = [0, 1, 2, 64]
for qi in (2, 0, 3, 1):
    queues[qi].run(segs[qi])
    print("queue", qi, "ran", queues[qi].number_of_transactions_executed(),
          "len", len(shared), "last", shared[-1])
print("module entry ran before transaction.run():", "module" in shared)
transaction.run()
print("module entry ran:", shared[-1])
print([q.number_of_transactions_executed() for q in queues])
queues[1].add(job, 1, 19)
queues[1].run(nb_segments=3)
print(queues[1].number_of_transactions_executed(), shared[-2:])
