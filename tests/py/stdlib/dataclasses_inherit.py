# dataclasses: inheritance, ClassVar and InitVar pseudo-fields, __post_init__.
from dataclasses import dataclass, field, fields, InitVar
from typing import ClassVar
@dataclass
class Base:
    x: int
    def total(self): return self.x
@dataclass
class Derived(Base):
    y: int = 2
    z: ClassVar[int] = 10
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.y *= scale
d = Derived(1, 3, scale=2)
print(d, fields(d)[-1].name, Derived.z, d.total())
@dataclass
class Leaf(Derived):
    z_: int = 7
leaf = Leaf(1, 2, scale=3, z_=0)
print(leaf, [f.name for f in fields(Leaf)], Leaf.__mro__[1].__name__, isinstance(leaf, Base))
@dataclass
class WithDefaults:
    a: int = 0
    b: list = field(default_factory=lambda: [1, 2])
    c: ClassVar[str] = "class"
print(WithDefaults(), WithDefaults(5, [9]), WithDefaults.c, "c" in [f.name for f in fields(WithDefaults)])
