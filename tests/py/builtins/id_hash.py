# id() identity comparisons and hash() of ints/tuples.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None), type(id(a)).__name__)
print(hash(1), hash(-1), hash(0), hash(True), hash(12345678), hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print(hash(1.0) == hash(1), hash(frozenset({1})) == hash(frozenset({1})), hash(None) == hash(None))
for bad in [[1], {1: 1}, {1}, ([1],), bytearray(b"x")]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
class H:
    def __hash__(self):
        return 99
print(hash(H()))
