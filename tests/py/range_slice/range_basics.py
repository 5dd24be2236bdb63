# range objects.
r = range(10)
print(r, range(2, 8), range(0, 10, 3), range(5, 0, -1), list(range(0)), list(range(5, 0, -2)), list(range(-3, 3)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)), len(range(-5, 5, 4)))
print(r[0], r[-1], r[3:7], r[::2], r[::-1], r[-3:], range(0, 10, 3)[1:], list(range(10)[2::3]))
print(3 in r, 10 in r, 3.0 in r, "3" in r, range(0, 10, 2).index(4), range(0, 20, 5).count(10))
print(range(3) == range(3), range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1) != range(2))
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r.index(11)
except ValueError as e:
    print("ValueError:", e)
