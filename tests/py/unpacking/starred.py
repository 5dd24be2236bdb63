# Starred assignment targets.
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
a, *b, c, d = (1, 2, 3)
print(a, b, c, d)
*all_items, = {3: None, 1: None}
print(all_items)
try:
    a, *b, c, d = (1, 2)
except ValueError as e:
    print("ValueError:", e)
(x, *y), z = "hey", 5
print(x, y, z)
print(type(b).__name__, type(middle).__name__)
