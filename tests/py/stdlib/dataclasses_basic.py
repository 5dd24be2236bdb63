# dataclasses: generated methods, defaults and factories, ordering, frozen, inheritance, helpers.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, make_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING
from typing import ClassVar, List
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1); q = Point(1, 2, ['a'])
print(p, q, p == Point(1), p != q)
print([f.name for f in fields(Point)], asdict(q), astuple(q), replace(q, y=5), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
try: Point()
except TypeError as e: print("TypeError:", e)
try: Point(1, 2, 3, 4)
except TypeError as e: print("TypeError:", e)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'z'
print(sorted([V(2), V(1, 'b'), V(1, 'a')]), V(1) < V(2), hash(V(1)) == hash(V(1)), {V(1), V(1)})
try: V(1).a = 5
except FrozenInstanceError as e: print("FrozenInstanceError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print("ValueError:", e)
try:
    @dataclass(order=True, eq=False)
    class Bad3:
        a: int
except ValueError as e: print("ValueError:", e)
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int
print(K(1, c=3), K(1, b=2, c=4))
@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False, compare=False, repr=False)
print(hash(H(1)) == hash((1,)), H(1) == H(1, [2]), H(3))
M = make_dataclass('M', ['a', ('b', int), ('c', int, field(default=5))])
print(M(1, 2), M.__name__)
@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE(1).__hash__ is not None)
@dataclass
class Rec:
    items: List[int] = field(default_factory=list)
    child: 'Rec' = None
r = Rec([1]); r.child = Rec([2]); print(r, asdict(r))
@dataclass(slots=True)
class S:
    a: int
    b: int = 1
s = S(1); print(s, hasattr(s, '__dict__'), S.__slots__)
@dataclass
class Empty: pass
print(Empty(), Empty() == Empty())
@dataclass(repr=False)
class NR:
    a: int
    def __repr__(self): return 'custom'
print(NR(1))
print(Point.__match_args__, V.__dataclass_params__.frozen)
