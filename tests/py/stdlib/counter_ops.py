# collections.Counter: arithmetic, comparisons, updates and most_common ties.
from collections import Counter
c = Counter(a=3, b=1, c=-2)
d = Counter(a=1, b=2, d=4)
print(c + d, c - d, c | d, c & d)
print(+c, -c, c.total(), sorted(c.elements()))
c2 = c.copy()
c2 += d
print(c2)
c2 -= Counter(a=10)
print(c2)
c3 = Counter("abracadabra")
c3 |= Counter(z=2, a=1)
print(c3)
c3 &= Counter("aabbz")
print(c3)
print(Counter("aab") == Counter("aba"), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2),
      Counter(a=3) > Counter(a=2), Counter() < Counter(x=1))
print(Counter("mississippi").most_common(3), Counter("abcab").most_common(0), Counter().most_common())
t = Counter()
t.update("hello")
t.update({"l": 5, "z": 1})
t.subtract("lll")
t.subtract({"h": 2})
print(t, t["missing"], "missing" in t)
del t["missing"]
del t["h"]
print(sorted(t.items()))
print(repr(Counter()), repr(Counter({"x": 0})), Counter([(1, 2), (1, 2), (3,)]))
try:
    Counter.fromkeys("abc")
except NotImplementedError as exc:
    print("NotImplementedError:", exc)
class Tally(Counter):
    pass
print(Tally("aab"), Tally("ab") + Tally("b"), type(Tally("a").copy()).__name__)
words = "the quick the lazy the end quick".split()
print(Counter(words).most_common(2), Counter(len(w) for w in words))
print(Counter({"a": 2.5, "b": 1}), Counter(a=2) + Counter(a=-2))
