# Independent random.Random instances and getstate/setstate.
import random
a = random.Random(99)
b = random.Random(99)
print(a.random() == b.random(), [a.randint(0, 9) for _ in range(5)] == [b.randint(0, 9) for _ in range(5)])
state = a.getstate()
x = [a.random() for _ in range(3)]
a.setstate(state)
y = [a.random() for _ in range(3)]
print(x == y, x)
c = random.Random()
c.seed(1)
print(c.random(), c.randrange(1000))
random.seed(1)
print(random.random())
