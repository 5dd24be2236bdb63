# Recursive structures and equality.
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a, a[2][2][0])
b = [[1, 2], [3, 4]]
c = [[1, 2], [3, 4]]
print(b == c, b is c, b[0] == c[0], [1, [2, [3]]] == [1, [2, [3]]], [1, [2, [3]]] == [1, [2, [4]]])
d = []
d.append(d)
print(d, repr([d, d]))
