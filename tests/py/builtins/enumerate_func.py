# enumerate with start.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-1)), list(enumerate([], 5)))
print(list(enumerate(range(3), 10 ** 20)))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"), type(e).__name__, iter(e) is e)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
try:
    enumerate(5)
except TypeError as e:
    print("TypeError:", e)
try:
    enumerate("a", "1")
except TypeError as e:
    print("TypeError:", e)
