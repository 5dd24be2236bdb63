# Transactions mutate one shared list in every way: insert at the front, pop,
# extend, slice assignment, sort, reverse, remove, del.
# repeat: 6
import transaction

lst = list(range(20))

def op(i):
    k = i % 8
    if k == 0:
        lst.insert(0, i)
    elif k == 1:
        if lst:
            lst.pop()
    elif k == 2:
        lst.extend([i, -i])
    elif k == 3:
        lst[1:3] = [i]
    elif k == 4:
        lst.sort(key=lambda v: (v % 5, v))
    elif k == 5:
        lst.reverse()
    elif k == 6:
        if i in lst:
            lst.remove(i)
        else:
            lst.append(i)
    else:
        del lst[::7]

for i in range(600):
    transaction.add(op, i)
transaction.run()
print(len(lst), lst[:20], sum(lst))
