# collections.Counter.
from collections import Counter
c = Counter("mississippi")
print(c, c["s"], c["z"], len(c), sorted(c), c.most_common(), c.most_common(1), c.total())
c2 = Counter({"a": 3, "b": -1})
print(c2, +c2, -c2, list(c2.elements()))
c3 = Counter(a=1, b=2)
c3.update(a=5)
c3.update(["b", "b"])
c3.subtract(Counter(a=10))
print(c3)
print(Counter("aab") + Counter("bcc"), Counter("aab") - Counter("ab"), Counter("aab") | Counter("bbc"), Counter("aab") & Counter("abb"))
print(Counter("abc") == Counter("cba"), Counter(a=0) == Counter(), dict(Counter("hello")))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(2), Counter(len(w) for w in words))
del c["m"]
print(c)
