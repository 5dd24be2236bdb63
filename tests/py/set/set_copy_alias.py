# copy vs alias.
a = {1, 2}
b = a
c = a.copy()
d = set(a)
a.add(3)
print(a, b, c, d, b is a, c is a)
e = a | set()
e.add(4)
print(a, e)
