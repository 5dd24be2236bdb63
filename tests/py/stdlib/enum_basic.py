# enum: Enum/IntEnum/StrEnum/Flag/IntFlag members, lookups, aliases, auto, unique, functional API.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), f"{Color.RED}", "%s" % Color.GREEN, format(Color.BLUE, ''), Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, list(Color.__members__), Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED in Color, hash(Color.RED) == hash('RED'), isinstance(Color.RED, Color), type(Color.RED))
for bad in [lambda: Color(7), lambda: Color['PINK'], lambda: setattr(Color, 'RED', 5), lambda: Color.RED < Color.GREEN]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE, repr(N.TWO), N.ONE + 1, N.TWO == 2, sorted([N.TWO, N.ONE]), f"{N.ONE}", int(N.TWO), N(2), isinstance(N.ONE, int))
class A(Enum):
    X = auto()
    Y = auto()
    Z = auto()
print(list(A), A.Z.value)
class S(StrEnum):
    AA = auto()
    BB = 'bee'
print(S.AA, repr(S.AA), S.BB.upper(), S.AA == 'aa')
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print("ValueError", e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
Shape = Enum('Shape', [('SQ', 4), ('TRI', 3)])
print(Shape.TRI, Shape(4))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)
print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.surface_gravity, repr(Planet.MERCURY))
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
    def describe(self): return f"{self.name}!"
print(M(99), M.A.describe())
try:
    class E2(Enum):
        A = 1
        A = 2
except TypeError as e: print("TypeError", e)
try:
    class Color2(Color): pass
    print(Color2)
except TypeError as e: print("TypeError", e)
class Empty(Enum): pass
class Sub(Empty):
    Q = 5
print(Sub.Q, list(Sub), Empty)
print(Color.RED.__class__.__name__, Color._member_names_)
d = {Color.RED: 'r'}; print(d[Color.CRIMSON])
