# complex as dict keys; equality with real numbers.
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(0j) == 0)
d = {1: "one", 2.0: "two"}
print(d[1 + 0j], d[2 + 0j], (3 + 0j) in d)
s = {1j, 1j, 2j}
print(len(s), 1j in s)
print(sorted([3 + 0j, 1j], key=abs))
print([z.imag for z in [1j, 2j, 3j]], sum([1j, 2j, 3]))
