# Transactions draw from the shared, seeded global random generator (its state
# is one hot object): the sequence of draws follows the add order.
# repeat: 6
import random
import transaction

random.seed(99)
draws = []

def draw(i):
    draws.append((i, random.randrange(1000), round(random.random(), 6)))
    if i % 3 == 0:
        lst = list(range(8))
        random.shuffle(lst)
        draws.append(tuple(lst))

for i in range(300):
    transaction.add(draw, i)
transaction.run()
print(draws[:4])
print(draws[-2:])
print(sum(d[1] for d in draws if len(d) == 3))
