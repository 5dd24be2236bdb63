# min, max, sum, any, all over lists.
a = [3, -1, 4, 1, -5, 9, 2, 6]
print(min(a), max(a), sum(a), sum(a, 10), any(x > 8 for x in a), all(x > -10 for x in a))
print(min(a, key=abs), max(a, key=lambda x: -x), sorted(a)[len(a) // 2], sum([[1], [2]], []))
print(max([], default="empty"), min([[3], [1, 2]]), max(["a", "bb", "c"], key=len))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
