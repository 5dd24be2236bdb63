# collections.abc: isinstance checks with builtin types and mixin methods.
from collections import abc, deque, OrderedDict, Counter
import collections.abc as cabc
print(cabc is abc, abc.Mapping.__module__)
checks = [([], "Sequence"), ([], "MutableSequence"), ((), "Sequence"), ((), "MutableSequence"),
          ("s", "Sequence"), (b"b", "ByteString"), ({}, "Mapping"), ({}, "MutableMapping"),
          (set(), "MutableSet"), (frozenset(), "Set"), (frozenset(), "MutableSet"), (range(3), "Sequence"),
          (iter([]), "Iterator"), ([], "Iterator"), ([], "Iterable"), (len, "Callable"), (1, "Hashable"),
          ([], "Hashable"), ({}.keys(), "KeysView"), ({}.items(), "Set"), ({}.values(), "Collection"),
          (deque(), "MutableSequence"), (OrderedDict(), "MutableMapping"), (Counter(), "Mapping"),
          ((x for x in []), "Generator"), (5, "Sized"), ("x", "Container"), ([], "Reversible")]
print([isinstance(obj, getattr(abc, name)) for obj, name in checks])
print(issubclass(list, abc.Sequence), issubclass(dict, abc.Sequence), issubclass(str, abc.Iterable))
class Seq(abc.Sequence):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i
    def __len__(self):
        return self.n
s = Seq(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), isinstance(s, abc.Iterable))
class Bag(abc.MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
b = Bag()
b.update({"a": 1}, b=2)
print(b.get("a"), b.setdefault("c", 3), b.pop("b"), sorted(b.items()), "a" in b, b == {"a": 1, "c": 3})
print(b.popitem(), len(b), list(b.keys()), list(b.values()))
class Incomplete(abc.Mapping):
    pass
try:
    Incomplete()
except TypeError as exc:
    print("TypeError:", str(exc).startswith("Can't instantiate abstract class Incomplete"))
class Fake:
    def __len__(self):
        return 0
print(isinstance(Fake(), abc.Sized), isinstance(Fake(), abc.Iterable))
abc.Sequence.register(Fake)
print(isinstance(Fake(), abc.Sequence), issubclass(Fake, abc.Reversible))
class S(abc.Set):
    def __init__(self, it):
        self.items = list(dict.fromkeys(it))
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
x, y = S([1, 2, 3]), S([2, 3, 4])
print(sorted(x & y), sorted(x | y), sorted(x - y), sorted(x ^ y), x <= S([1, 2, 3, 4]), x == S([3, 2, 1]), x.isdisjoint([9]))
