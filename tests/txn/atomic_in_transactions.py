# `with transaction.atomic:` inside transactions (already atomic) is harmless,
# nests, and is released by an exception leaving the block.
import transaction

n = [0]

def work(i):
    with transaction.atomic:
        n[0] += i
        with transaction.atomic:
            n[0] += 1
    try:
        with transaction.atomic:
            if i % 5 == 0:
                raise KeyError(i)
            n[0] += 1000
    except KeyError:
        n[0] -= 1

for i in range(100):
    transaction.add(work, i)
transaction.run()
print(n[0])
with transaction.atomic:
    print("atomic at top level")
with transaction.atomic:
    with transaction.atomic:
        print("nested at top level")
