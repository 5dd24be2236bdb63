# map and filter.
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(len, ["a", "bb", ""])), list(map(int, "123")), list(map(abs, range(-2, 1))))
print(list(map(pow, [1, 2, 3], [1, 2])), list(map(str.upper, "hi")))
print(list(filter(None, [0, 1, "", "x", [], [0], None])), list(filter(str.isdigit, "a1b2")), list(filter(lambda x: x > 2, range(5))))
m = map(lambda x: x * 2, [1, 2])
print(type(m).__name__, next(m), list(m), list(m))
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    map(str)
except TypeError as e:
    print("TypeError:", e)
try:
    list(filter(len, [1]))
except TypeError as e:
    print("TypeError:", e)
