# Slices create shallow copies.
a = [[1], [2], [3]]
b = a[:]
b[0] = "new"
b[1].append(22)
print(a, b, a[1] is b[1])
t = (1, 2, 3)
s = "text"
print(t[:] is t, s[:] is s, a[:] is a)
