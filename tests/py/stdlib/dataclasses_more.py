# dataclasses: field options, __post_init__, init=False fields, replace/asdict details and errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, FrozenInstanceError, MISSING
from collections import namedtuple
@dataclass
class Item:
    name: str
    price: float = 0.0
    qty: int = field(default=1, repr=False)
    total: float = field(init=False, compare=False)
    def __post_init__(self):
        self.total = self.price * self.qty
a = Item("pen", 1.5, 4)
print(a, a.total, a == Item("pen", 1.5, 4), a == Item("pen", 1.5, 5), [f.name for f in fields(a)])
print(asdict(a), astuple(a), replace(a, qty=2).total)
try:
    replace(a, total=1)
except ValueError as exc:
    print("ValueError:", exc)
print(fields(Item)[2].repr, fields(Item)[3].init, fields(Item)[0].default is MISSING, fields(Item)[1].default)
print(fields(Item)[2].metadata, field(metadata={"unit": "cm"}).metadata["unit"])
@dataclass
class WithInit:
    base: int
    scale: InitVar[int] = 2
    result: int = field(init=False)
    def __post_init__(self, scale):
        self.result = self.base * scale
w = WithInit(5)
print(w, WithInit(5, 3).result, [f.name for f in fields(w)], replace(w, scale=10).result)
P = namedtuple("P", "x y")
@dataclass
class Shape:
    points: list
    meta: dict = field(default_factory=dict)
    anchor: P = P(0, 0)
s = Shape([P(1, 2)], {"k": [1]})
d = asdict(s)
print(d, type(d["points"][0]).__name__, d["meta"]["k"] is s.meta["k"])
print(astuple(s), Shape([]).meta is not Shape([]).meta)
@dataclass(frozen=True)
class Frozen:
    a: int
    b: tuple = ()
fz = Frozen(1, (2,))
for bad in [lambda: setattr(fz, "a", 2), lambda: delattr(fz, "b"), lambda: setattr(fz, "new", 1)]:
    try:
        bad()
    except FrozenInstanceError as exc:
        print("FrozenInstanceError:", exc, isinstance(exc, AttributeError))
print(hash(fz) == hash((1, (2,))), replace(fz, a=9), {fz: "ok"}[Frozen(1, (2,))])
for bad in [lambda: field(default=1, default_factory=list), lambda: fields(3), lambda: asdict(Frozen), lambda: replace(1)]:
    try:
        bad()
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ":", exc)
try:
    @dataclass(frozen=True)
    class Child(Item):
        extra: int = 0
except TypeError as exc:
    print("TypeError:", exc)
try:
    @dataclass
    class NoAnn:
        x = field(default=1)
except TypeError as exc:
    print("TypeError:", exc)
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
print(sorted([Version(1, 2, "b"), Version(1, 0), Version(0, 9, "z")]), Version(1, 0, "x") == Version(1, 0, "y"))
print(Version(2) > Version(1, 99), Version.__lt__(Version(1), 5))
