# operator: function forms, in-place forms, itemgetter/attrgetter/methodcaller.
import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-2.5), op.invert(5), op.inv(0), op.lshift(1, 4), op.rshift(64, 3))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_([]), op.truth([0]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1.0), op.gt(3, 1), op.ge(1, 3), op.index(7))
print(op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 2, 1, 1], 1), op.indexOf("xyz", "z"))
seq = [1, 2, 3]
op.setitem(seq, 0, 9)
op.delitem(seq, 1)
print(seq, op.getitem(seq, -1), op.getitem("hello", slice(1, 3)), op.length_hint([1, 2]), op.length_hint(iter([1, 2])))
acc = [1]
print(op.iadd(acc, [2]) is acc, acc, op.iadd(1, 2), op.imul("x", 3), op.iconcat([0], (1,)), op.ior({1}, {2}))
print(op.__add__(1, 1), op.__lt__(1, 2), op.__not__(1), op.call(divmod, 7, b=2) if False else op.call(divmod, 7, 2))
rows = [("b", 2, 9.5), ("a", 2, 1.0), ("c", 1, 3.3)]
print(sorted(rows, key=itemgetter(1, 0)), list(map(itemgetter(0), rows)), itemgetter(slice(0, 2))(rows[0]))
print(itemgetter("k")({"k": "v"}), itemgetter(-1, 0)("xyz"), repr(itemgetter(1)), repr(itemgetter("a", 2)))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct
p = P("ann", P("bob"))
print(attrgetter("name")(p), attrgetter("inner.name", "name")(p), repr(attrgetter("inner.name")))
print(methodcaller("greet", "hi")(p), methodcaller("greet", "yo", punct="?")(p), repr(methodcaller("greet", "hi", punct=".")))
print(sorted(["bb", "a", "ccc"], key=methodcaller("__len__")), list(map(methodcaller("upper"), ["x", "y"])))
for bad in [lambda: itemgetter(), lambda: attrgetter(), lambda: attrgetter(5), lambda: methodcaller(),
            lambda: methodcaller(1), lambda: op.concat(1, 2), lambda: op.indexOf([1], 5), lambda: attrgetter("nope")(p),
            lambda: itemgetter(5)([1]), lambda: op.add(1, "a"), lambda: itemgetter(1)([1, 2], 3)]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError, IndexError) as exc:
        print(type(exc).__name__ + ":", exc)
