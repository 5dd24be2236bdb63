# collections.namedtuple: rename, defaults, module, _make/_replace errors, subclassing.
from collections import namedtuple
R = namedtuple("R", ["a", "def", "a", "_b", "1c"], rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
D = namedtuple("D", "x y z", defaults=(2, 3))
print(D(1), D(1, z=9), D._field_defaults, D.__new__.__defaults__)
print(D._make([4, 5, 6]), D(1)._asdict(), D(1)._replace(x=0, z=0))
one = namedtuple("One", "only")
print(one(5), one(5)[0], len(one(5)), one._fields)
E = namedtuple("E", "")
print(E(), E._fields, len(E()))
for args in [("Bad", "x x"), ("Bad", "_x"), ("Bad", "class"), ("1Bad", "x"), ("Bad", ["x", 3.5])]:
    try:
        namedtuple(*args)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ":", exc)
try:
    namedtuple("T", "a b", defaults=[1, 2, 3])
except TypeError as exc:
    print("TypeError:", exc)
P = namedtuple("P", "x y")
for bad in [lambda: P._make([1]), lambda: P(1, 2)._replace(z=3), lambda: P(1), lambda: P(1, 2, x=3)]:
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__ + ":", exc)
p = P(3, 4)
x, y = p
print(x + y, p == (3, 4), p < P(3, 5), hash(p) == hash((3, 4)), p * 2, p[::-1], p.count(3), p.index(4))
try:
    p.x = 10
except AttributeError as exc:
    print("AttributeError")
class Vec(P):
    __slots__ = ()
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    @property
    def size(self):
        return abs(self.x) + abs(self.y)
v = Vec(1, 2) + Vec(3, 4)
print(v, v.size, type(v).__name__, Vec._fields, isinstance(v, P))
print(P.__doc__, P.x.__doc__, P._fields is P(0, 0)._fields, P.__name__)
print(sorted([P(2, 1), P(1, 9), P(1, 2)]), dict(P(1, 2)._asdict()), P(*"ab"))
