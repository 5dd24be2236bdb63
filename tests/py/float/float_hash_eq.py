# Hashes and dict keys for floats.
print(hash(1.0) == hash(1), hash(2.5) == hash(2.5), hash(-0.0) == hash(0.0))
print(hash(0.5) == hash(0.5), hash(-1.5) == -hash(1.5), hash(1e300) == hash(int(1e300)))
d = {0.5: "half", 1.0: "one"}
print(d[1], d[0.5], 1 in d, 2 in d)
s = {1.0, 1, 2.0, 3.5}
print(len(s), 3.5 in s)
nan = float("nan")
d2 = {nan: 1}
print(d2[nan], float("nan") in d2)
