# A driver that keeps calling run() until the queue is empty, collecting every
# exception in order; failures are spread through the queue and among added
# transactions.
# repeat: 3
import transaction

class Oops(Exception):
    def __init__(self, where, code):
        Exception.__init__(self, where)
        self.where = where
        self.code = code

total = [0]

def leaf(i):
    total[0] += i
    if i % 11 == 0:
        raise Oops("leaf", i)

def branch(i):
    total[0] += 1000
    for k in range(3):
        transaction.add(leaf, i * 3 + k)
    if i % 4 == 3:
        raise Oops("branch", i)

for i in range(12):
    transaction.add(branch, i)

errors = []
while True:
    try:
        transaction.run()
        break
    except Oops as e:
        errors.append((e.where, e.code, total[0]))
print(len(errors))
for e in errors:
    print(e)
print("total", total[0])
