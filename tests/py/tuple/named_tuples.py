# collections.namedtuple basics.
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
q = Point(x=3, y=4)
print(p, q, p.x + q.y, p[0], p == (1, 2), len(p), tuple(p), list(q))
print(p._asdict(), p._replace(y=9), Point._fields, Point._make([5, 6]), type(p).__name__)
x, y = q
print(x, y, isinstance(p, tuple))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(9), P3(1, 2, 3), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError:", e)
R = namedtuple("R", "def x", rename=True)
print(R._fields)
