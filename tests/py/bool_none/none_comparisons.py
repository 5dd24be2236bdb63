# Comparisons involving None and bool, sorting with None keys.
data = [3, None, 1, None, 2]
print(sorted(data, key=lambda x: (x is None, x if x is not None else 0)))
print([x for x in data if x is not None], data.count(None), data.index(None))
try:
    sorted(data)
except TypeError as e:
    print("TypeError:", e)
print(max([False, True, False]), min([True, 1, 2]), sorted([True, False, 0, 1]))
print(True > False, False < 1, True >= 1.0)
d = {None: "none", False: "false", True: "true"}
print(d[None], d[0], d[1], len(d))
