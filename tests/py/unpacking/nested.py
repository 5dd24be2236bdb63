# Nested unpacking.
(a, b), (c, (d, e)) = (1, 2), (3, (4, 5))
print(a, b, c, d, e)
data = [("ann", (31, "nyc")), ("bob", (25, "sf"))]
for name, (age, city) in data:
    print(name, age, city)
[x, [y, [z]]] = [1, [2, [3]]]
print(x, y, z)
try:
    (p, q), r = (1, 2, 3), 4
except ValueError as err:
    print("ValueError:", err)
points = {(1, 2): "a", (3, 4): "b"}
for (px, py), label in points.items():
    print(px + py, label)
