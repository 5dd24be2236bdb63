# slice() and range() as builtins.
s = slice(2, 8, 2)
print(s, list(range(10))[s], "abcdefghij"[s], slice(None, 3), slice(5).stop)
print(range(5), range(1, 5), range(0, 10, 5), list(range(3, -3, -2)))
try:
    slice()
except TypeError as e:
    print("TypeError:", e)
