# Unpacking in list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, [*"hi", *range(2)], [*a], (*a,))
d1, d2 = {"x": 1}, {"y": 2, "x": 0}
print({**d1, **d2}, {**d2, **d1}, {"z": 3, **d1}, {**{}})
print([*[], *()], {*()} == set(), (*range(3), *[9]))
try:
    {**[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
