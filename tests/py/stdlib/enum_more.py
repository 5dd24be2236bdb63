# enum: members as values in containers, iteration orders, custom __new__/_missing_, comparisons, errors.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3
    @property
    def is_start(self):
        return self is Weekday.MON
    @classmethod
    def first(cls):
        return next(iter(cls))
print(Weekday.first(), Weekday.MON.is_start, [d.name for d in reversed(Weekday)], Weekday.__members__["TUE"])
print(sorted(Weekday, key=lambda d: -d.value), {d: d.value for d in Weekday}[Weekday.WED], Weekday.MON in {Weekday.MON})
print(Weekday(3) is Weekday.WED, Weekday["TUE"].value, getattr(Weekday, "MON").name, isinstance(Weekday.MON, Enum))
class Coin(Enum):
    PENNY = 1
    CENT = 1
    NICKEL = 5
print(list(Coin), Coin.CENT, Coin(1).name, list(Coin.__members__), Coin.CENT is Coin.PENNY)
class Status(str, Enum):
    OK = "ok"
    FAIL = "fail"
print(Status.OK == "ok", Status("fail"), repr(Status.OK), Status.OK.upper(), sorted(Status, key=str))
class Level(IntEnum):
    LOW = 10
    HIGH = 20
print(Level.LOW < Level.HIGH, Level.HIGH - 5, max(Level), Level(20), [l * 2 for l in Level], Level.LOW == 10)
class Ordinal(Enum):
    def __new__(cls, label, rank):
        obj = object.__new__(cls)
        obj._value_ = rank
        obj.label = label
        return obj
    FIRST = ("1st", 1)
    SECOND = ("2nd", 2)
print(Ordinal(2), Ordinal.FIRST.label, Ordinal.SECOND.value)
class Lenient(Enum):
    RED = "red"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Lenient("RED"), Lenient("Red"))
try:
    Lenient("blue")
except ValueError as exc:
    print("ValueError:", exc)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Color), Color.WHITE, Color.RED | Color.BLUE, bool(Color.RED & Color.GREEN), Color.GREEN in Color.WHITE)
print(repr(Color(0)), Color(5), [c.name for c in Color.WHITE], len(Color.WHITE), ~Color.WHITE)
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.X, repr(Perm(6)), Perm.R + 1, Perm(0), repr(Perm(16)), 7 & Perm.W)
for bad in [lambda: Weekday(9), lambda: Weekday["SUN"], lambda: Color(8), lambda: setattr(Weekday, "MON", 0),
            lambda: delattr(Weekday, "TUE"), lambda: Weekday.MON < Weekday.TUE]:
    try:
        bad()
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        print(type(exc).__name__ + ":", str(exc).splitlines()[0])
try:
    class Dup(Enum):
        A = 1
        B = auto()
        A = 3
except TypeError as exc:
    print("TypeError:", exc)
print(unique(Weekday) is Weekday, Enum("Tmp", {"X": 5, "Y": 7}).Y.value, IntEnum("Small", "A B").B + 0)
