# Transactions that change a class (a method, a class attribute, a base's
# method) while others call through it: every result must be the one of the
# serial order, i.e. a call sees the class as left by the transactions
# before it and never by the ones after it.
# repeat: 5
import transaction

class Base:
    def kind(self):
        return "base"

class Shape(Base):
    scale = 1

    def area(self, i):
        return i * self.scale

def area_v2(self, i):
    return -i * self.scale

def kind_v2(self):
    return "base2"

shape = Shape()
results = [None] * 300

def use(i):
    s = 0
    for k in range(200):           # long enough to overlap with the change
        s += k % 7
    results[i] = (shape.area(i), shape.kind(), Shape.scale, s)

def change(i):
    if i == 60:
        Shape.area = area_v2
    elif i == 120:
        Shape.scale = 3
    elif i == 180:
        Base.kind = kind_v2
    elif i == 240:
        del Shape.area
        Shape.area = lambda self, i: i + 1000
    use(i)

for i in range(300):
    transaction.add(change if i % 60 == 0 else use, i)
transaction.run()

def mode(i, r):
    a, kind, scale = r[:3]
    if a == i * scale:
        m = "area v1"
    elif a == -i * scale:
        m = "area v2"
    elif a == i + 1000:
        m = "area lambda"
    else:
        m = "area ?"
    return (m, kind, scale)

last = None
for i, r in enumerate(results):
    m = mode(i, r)
    if m != last:
        print(i, m)
        last = m
print(sum(r[0] for r in results), sum(r[3] for r in results))
