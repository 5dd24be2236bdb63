# List creation, indexing, len, repr.
a = [1, "two", 3.0, None, [5]]
print(a, len(a), a[0], a[-1], a[-1][0], repr(a), str(a))
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list(x * 2 for x in range(3)))
print([] == [], [1, 2] == [1, 2], [1, 2] == [2, 1], [1] != [1.0], [[]] * 3)
b = a
b.append(6)
print(a is b, len(a))
nested = [[1, 2], [3, [4, [5]]]]
print(nested[1][1][1][0], len(nested))
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
