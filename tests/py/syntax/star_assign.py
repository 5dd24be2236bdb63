# Starred targets in assignments.
a, *b = [1, 2, 3]
print(a, b)
*a, b = "xyz"
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
[x, *y] = (9,)
print(x, y)
(p, q), *r = [(1, 2), 3, 4]
print(p, q, r)
first, *_, last = [10, 20, 30, 40]
print(first, last)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
*s, = {"k": 1}
print(s)
