# frozenset is immutable and hashable.
f = frozenset([3, 1, 2])
print(f, len(f), 1 in f, f | {4}, f & {1, 9}, type(f | {4}).__name__, type({4} | f).__name__)
d = {f: "frozen"}
print(d[frozenset({1, 2, 3})], frozenset() == set(), frozenset({1}) == {1}, hash(frozenset()) == hash(frozenset()))
print({frozenset({1, 2}), frozenset({2, 1})}, frozenset("aa"))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset(f) is f, f.copy() is f)
nested = {frozenset({1}), frozenset({2})}
print(len(nested), frozenset({1}) in nested)
