# Transactions that add transactions, several levels deep: each added call goes
# to the end of the queue, so the serial order is breadth first, and the
# parent's prints before and after its adds all come before any child's.
# repeat: 5
import transaction

order = []

def node(path, depth):
    order.append(path)
    print("enter", path)
    if depth < 4:
        for k in range(3):
            transaction.add(node, path + str(k), depth + 1)
            print("  ", path, "added", path + str(k))
    print("leave", path)

transaction.add(node, "a", 1)
transaction.add(node, "b", 2)
transaction.run()
print(len(order), order[:8], order[-4:])
