# Two independent trees of adds plus plain calls queued before them: the queue
# is one FIFO, so level by level the two trees interleave.
import transaction

out = []

def grow(tree, level, idx):
    out.append("%s%d.%d" % (tree, level, idx))
    if level < 3:
        for k in range(2):
            transaction.add(grow, tree, level + 1, idx * 2 + k)

transaction.add(grow, "L", 0, 0)
transaction.add(grow, "R", 0, 0)
transaction.add(out.append, "mark")
transaction.run()
for i in range(0, len(out), 8):
    print(" ".join(out[i:i + 8]))
