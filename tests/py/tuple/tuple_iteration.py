# Iteration helpers producing tuples.
print(list(enumerate("ab")), list(zip((1, 2), "xy")), dict([("a", 1), ("b", 2)]).items())
print(divmod(17, 5), tuple(reversed((1, 2, 3))), tuple(sorted((3, 1))), tuple(map(abs, (-1, -2))))
t = tuple(i * i for i in range(5))
print(t, t.__len__(), t.__getitem__(2), t.__contains__(16), t.__add__((0,)))
