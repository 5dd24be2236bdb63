# Transactions append lines to one file (an irreversible action): read back
# afterwards, the lines are in add order, with text computed from shared state.
# repeat: 3
import transaction

PATH = "txn_append.txt"
with open(PATH, "w") as fh:
    fh.write("header\n")
state = [0]

def writer(i):
    state[0] = (state[0] * 3 + i) % 1009
    with open(PATH, "a") as fh:
        fh.write("line %d state %d\n" % (i, state[0]))
    if i % 10 == 0:
        print("wrote", i)

for i in range(50):
    transaction.add(writer, i)
transaction.run()
with open(PATH) as fh:
    lines = fh.read().splitlines()
print(len(lines), lines[:3], lines[-1])
print(lines[1:] == ["line %d state %s" % (i, l.split()[-1]) for i, l in enumerate(lines[1:])])
