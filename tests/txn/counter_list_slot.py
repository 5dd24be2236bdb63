# High conflict on list slots: every transaction updates slot 0 and one of
# eight others, with a non-commutative update so that order matters.
# repeat: 10
import transaction

slots = [0] * 9

def upd(i):
    slots[0] += 1
    j = 1 + i % 8
    slots[j] = (slots[j] * 7 + i) % 10007

for i in range(1600):
    transaction.add(upd, i)
transaction.run()
print(slots)
