# copy: shallow and deep copies, memo and cycles, __copy__/__deepcopy__, reduce, slots.
import copy
class Node:
    def __init__(self, val, kids=()):
        self.val = val
        self.kids = list(kids)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
print(shallow.kids is tree.kids, deep.kids is tree.kids, deep.kids[1].kids[0].val, type(deep).__name__)
cyc = [1, {"k": None}]
cyc[1]["k"] = cyc
cc = copy.deepcopy(cyc)
print(cc[1]["k"] is cc, cc is not cyc, cc[0])
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
t = (1, [2], "s")
print(copy.copy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t) is t, copy.deepcopy((1, "a")) is not None)
print(copy.copy([1, [2]]), copy.copy({"a": [1]}), copy.copy({1, 2}), copy.copy(bytearray(b"x")), copy.copy("str"))
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
s = copy.deepcopy(Slotted())
print(s.a, hasattr(s, "b"))
class Custom:
    def __init__(self, tag):
        self.tag = tag
    def __copy__(self):
        return Custom(self.tag + "-copy")
    def __deepcopy__(self, memo):
        return Custom(self.tag + "-deep")
print(copy.copy(Custom("c")).tag, copy.deepcopy(Custom("c")).tag, copy.deepcopy({"x": Custom("n")})["x"].tag)
class Reduced:
    def __init__(self, n):
        self.n = n
    def __reduce__(self):
        return (Reduced, (self.n + 100,))
print(copy.copy(Reduced(1)).n, copy.deepcopy([Reduced(2)])[0].n)
class MyList(list):
    pass
ml = MyList([[1], 2])
ml.tag = "t"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, mc[0] is ml[0])
class MyDict(dict):
    pass
md = copy.copy(MyDict(a=[1]))
print(type(md).__name__, md)
memo = {}
x = [1]
copy.deepcopy([x, x], memo)
print(id(x) in memo, memo[id(x)] == [1])
def gen():
    yield 1
try:
    copy.copy(gen())
except TypeError as exc:
    print("TypeError:", exc)
print(copy.copy(len) is len, copy.deepcopy(Node) is Node, copy.copy(None), copy.deepcopy(3.5), issubclass(copy.Error, Exception))
