# typing: annotations evaluate; reprs of aliases, unions, callables, TypeVar, Generic, NamedTuple, helpers.
from typing import (Any, List, Dict, Set, Tuple, Optional, Union, Callable, Iterable, Iterator, Sequence, Mapping,
                    TypeVar, Generic, ClassVar, Final, Literal, NamedTuple, NewType, Protocol, cast, overload,
                    get_origin, get_args, get_type_hints, Type, DefaultDict, Counter, Deque, AnyStr, TYPE_CHECKING)
T = TypeVar("T")
KT = TypeVar("KT", bound=str)
N = TypeVar("N", int, float)
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Set[T], Optional[str], Union[int, str, int])
print(Callable[[int, str], bool], Callable[..., None], Literal["a", 1], ClassVar[int], Final[T], Type[Any])
print(T, KT, N, KT.__bound__, N.__constraints__, Union[int], Optional[Union[int, str]], Any, AnyStr)
print(Dict[str, T][int], List[Tuple[T, T]][bytes], Iterable[str], Mapping[str, Any], DefaultDict[str, int], Counter[str], Deque[int])
print(get_origin(Dict[str, int]), get_args(Dict[str, int]), get_origin(Optional[int]) is Union, get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(List), get_args(List), get_origin(str), TYPE_CHECKING, cast(List[int], "x"))
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], List[int] == List[int], List[int] != List[str])
for bad in [lambda: Union[()], lambda: List[int, str], lambda: Dict[int], lambda: Optional[int, str],
            lambda: Generic[int], lambda: TypeVar("X", int), lambda: List[int](), lambda: Any()]:
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](5)
print(b.get(), Box.__parameters__, Box[str], Box(1).item, isinstance(b, Box))
class Pair(Generic[T, KT]):
    pass
print(Pair[int, str], Pair.__parameters__, Pair[int, T][float] if False else Pair[int, str].__args__)
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm1(), Point._fields, Point._field_defaults, Point(1)._replace(y=2), isinstance(p, tuple))
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("ann", 1), Emp._fields)
UserId = NewType("UserId", int)
print(UserId(7), UserId.__supertype__, UserId.__name__, type(UserId(7)).__name__)
def f(a: int, b: "List[str]", c: Optional["Box[int]"] = None) -> Dict[str, T]:
    return {}
print(get_type_hints(f))
class Cfg:
    name: str
    limit: "Optional[int]"
    tags: ClassVar[List[str]] = []
print(get_type_hints(Cfg))
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x * 2
print(g(2), g("ab"))
class Sized(Protocol):
    def size(self) -> int: ...
class Impl:
    def size(self) -> int:
        return 3
def measure(s: Sized) -> int:
    return s.size()
print(measure(Impl()))
