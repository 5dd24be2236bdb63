# Transactions update attributes of shared instances: disjoint attributes of
# one object, the same attribute of different objects, attributes created on
# the fly (the instance dict's order follows the add order), and __slots__.
# repeat: 5
import transaction

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 0
        self.b = []

pts = [Point(i, -i) for i in range(50)]
bag = Point(0, 0)
sl = Slotted()

def move(i):
    p = pts[i % 50]
    p.x += 1
    p.y -= i
    setattr(bag, "attr%d" % (i % 13), i)
    sl.a += i
    if i % 100 == 0:
        sl.b.append(i)

for i in range(800):
    transaction.add(move, i)
transaction.run()
print([(p.x, p.y) for p in pts[:6]])
print(sum(p.x for p in pts), sum(p.y for p in pts))
print(list(vars(bag).items()))
print(sl.a, sl.b)
