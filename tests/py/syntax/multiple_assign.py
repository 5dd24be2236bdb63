# Chained and tuple assignment, evaluation order.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 5
print(i, lst)
(a, b), c = "xy", 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
def order(tag):
    print("eval", tag)
    return tag
d = {}
d[order("key")] = order("value")
print(d)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)
