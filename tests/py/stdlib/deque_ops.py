# collections.deque: indexing, rotation, bounded deques, errors.
from collections import deque
d = deque(range(10))
d.rotate(3)
print(d, d[0], d[-1], d.index(0), d.index(5, 2), d.count(9))
d.rotate(-13)
print(d)
del d[2]
d.insert(-1, "x")
d.insert(100, "end")
d.insert(-100, "start")
print(d, len(d))
d.remove("x")
d[1] = "one"
print(d, "one" in d, "x" in d)
b = deque("abcdef", maxlen=4)
print(b, b.maxlen)
b.extendleft("XY")
print(b)
b *= 2
print(b, deque("ab", maxlen=3) * 3, 2 * deque([1]))
z = deque(maxlen=0)
z.append(1)
z.extend([2, 3])
print(z, len(z))
e = deque([1, 2])
e.extend(e)
e += [3]
print(e, e == deque([1, 2, 1, 2, 3]), e < deque([1, 3]), e > deque([1, 2]))
print(list(reversed(deque("xyz"))), deque(reversed(deque([1, 2, 3]))), e.copy() is e)
f = deque([1, 2])
f.append(f)
print(f)
errors = [lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque().index(1),
          lambda: deque("ab")["0"], lambda: deque("ab")[0:1], lambda: deque(maxlen=-2),
          lambda: deque([1]) + [2], lambda: deque("a") * "b", lambda: hash(deque()),
          lambda: deque([1, 2, 3]).index(3, 0, 2), lambda: deque().rotate("x")]
for bad in errors:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as exc:
        print(type(exc).__name__ + ":", exc)
it = iter(g := deque([1, 2, 3]))
next(it)
g.appendleft(0)
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError:", exc)
class Stack(deque):
    def peek(self):
        return self[-1]
s = Stack([1, 2], maxlen=5)
s.append(3)
print(s, s.peek(), type(s.copy()).__name__, s.copy(), isinstance(s, deque))
