# collections.deque.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.count(7), d.index(8), 3 in d)
d.remove(7)
d.reverse()
print(d, list(reversed(d)), d.copy() == d)
bounded = deque(range(5), maxlen=3)
print(bounded, bounded.maxlen)
bounded.append(9)
bounded.appendleft(-1)
print(bounded)
d.clear()
print(d, bool(d))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque([1])[5]]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
d2 = deque("abc")
d2[1] = "B"
del d2[0]
print(d2, d2 + deque("z"), d2 * 2)
