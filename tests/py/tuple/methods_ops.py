# Tuple methods and operators.
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t.count(1), t.index(4), t.index(1, 2), t + (0,), t * 2, 2 * (0,), t * 0, len(t * 3))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, 2) == (1, 2), (1,) == [1])
print(max(t), min(t), sum(t), sorted(t), 5 in t, 7 not in t, t[2:6:2])
try:
    t.index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
