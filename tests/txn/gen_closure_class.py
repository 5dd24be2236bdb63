# Generators, closures and classes created inside transactions, stored in
# shared state, and used by later transactions (the objects outlive the
# transaction that made them).
import transaction

made = {}

def make_things(i):
    def counter(start):
        n = [start]

        def nxt():
            n[0] += i
            return n[0]
        return nxt

    class Shape:
        sides = i % 5 + 3

        def __init__(self, size):
            self.size = size

        def perimeter(self):
            return self.sides * self.size

        def __repr__(self):
            return "Shape%d(%d)" % (self.sides, self.size)

    def squares(limit):
        for k in range(limit):
            yield k * k + i

    made[i] = (counter(i * 10), Shape, squares(i + 3))

def use_things(i):
    nxt, Shape, gen = made[i]
    s = Shape(i + 1)
    first = next(gen)
    rest = list(gen) if i >= 4 else "kept"
    print(i, nxt(), nxt(), s, s.perimeter(), first, rest)
    print("  class", Shape.__name__, Shape.sides, isinstance(s, Shape), type(s) is Shape)

for i in range(12):
    transaction.add(make_things, i)
for i in range(12):
    transaction.add(use_things, i)
transaction.run()

half = [made[i][2] for i in range(4)]

def resume(i):
    print("resumed generator", i, list(half[i]))

for i in range(4):
    transaction.add(resume, i)
transaction.run()
