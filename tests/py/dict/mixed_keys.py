# Keys of mixed hashable types; equal numbers collide into one key.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
d["1"] = "str"
d[(1,)] = "tuple"
d[None] = "None"
d[frozenset([1])] = "frozenset"
d[b"1"] = "bytes"
d[1 + 0j] = "complex"
print(d, len(d))
print(d[1], d[(1,)], d[frozenset({1})], d[b"1"])
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
d2 = {K(1): "k1"}
print(d2[K(1)], K(2) in d2, K(1) in d2)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {{}: 1}
except TypeError as e:
    print("TypeError:", e)
try:
    {1: 2}[{1}]
except TypeError as e:
    print("TypeError:", e)
