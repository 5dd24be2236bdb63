# Class definition, instances, attributes.
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims, Point.__name__, Point.__doc__, type(p).__name__)
print(isinstance(p, Point), p.__class__ is Point, sorted(p.__dict__.items()), Point.__module__)
p.z = 5
print(p.z, "z" in p.__dict__, hasattr(p, "w"), getattr(p, "w", "default"))
try:
    p.w
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Point.norm2()
except TypeError as e:
    print("TypeError:", e)
