# Sequence unpacking into names.
a, b = 1, 2
(c, d) = [3, 4]
[e, f] = "ef"
g, = [7]
print(a, b, c, d, e, f, g)
x, y, z = range(3)
print(x, y, z)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
i1, i2 = iter([10, 20])
print(i1, i2)
for bad in ([1], [1, 2, 3], "abcd"):
    try:
        p, q, r = bad
    except ValueError as err:
        print("ValueError:", err)
try:
    m, n = None
except TypeError as err:
    print("TypeError:", err)
try:
    m, n = 12
except TypeError as err:
    print("TypeError:", err)
