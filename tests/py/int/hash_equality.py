# Numeric hash invariants (values compared, never printed as str hashes).
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(-1), hash(-2), hash(10 ** 20) == hash(float(10 ** 20)))
print(hash(12345), hash(-12345), hash(1.5) == hash(1.5), hash(-0.5) == -hash(0.5))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {1, 1.0, True, 2, 2.0}
print(len(s))
print({0: 'a', False: 'b', 0.0: 'c'})
