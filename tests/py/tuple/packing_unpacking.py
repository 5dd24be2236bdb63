# Tuple packing and unpacking.
t = 1, 2, 3
a, b, c = t
print(t, a, b, c)
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 2, 8])
print(lo, hi)
pairs = [(1, "one"), (2, "two")]
for num, name in pairs:
    print(num, name)
(x, y), z = (1, 2), 3
print(x, y, z)
a, b = b, a
print(a, b)
