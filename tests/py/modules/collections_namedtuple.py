# collections.namedtuple in depth.
from collections import namedtuple
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=[1000])
e = Emp("ann", "eng")
print(e, e.salary, e._fields, e._field_defaults, Emp.__name__, e._asdict())
print(e._replace(salary=5000), Emp._make(["bob", "ops", 10]), e.count("eng"), e.index("eng"))
rows = [Emp("c", "x", 3), Emp("a", "y", 1), Emp("b", "x", 2)]
print(sorted(rows), sorted(rows, key=lambda r: r.salary)[0].name, max(rows, key=lambda r: r.salary))
P = namedtuple("P", "x, y")
print(P(1, 2) + (3,), P(*range(2)), isinstance(P(0, 0), tuple), P(y=1, x=0))
try:
    P(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)
try:
    namedtuple("Bad", ["1x"])
except ValueError as err:
    print("ValueError:", err)
try:
    e._replace(nope=1)
except (ValueError, TypeError) as err:
    print(type(err).__name__ + ":", err)
class Point(namedtuple("Point", "x y")):
    __slots__ = ()
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
print(Point(3, 4).norm(), Point(3, 4))
