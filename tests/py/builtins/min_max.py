# min and max with key and default.
print(max(1, 5, 3), min(1, 5, 3), max([4, 9, 2]), min("hello"), max("a", "B"), max([1, 2], [1, 3]))
print(max([], default=None), min([], default="empty"), max([5], default=0), max(["aa", "b"], key=len), min([-3, 2], key=abs))
print(max([1, 1.0]), max([1.0, 1]), min(True, 1), max([(1, "b"), (1, "a")]))
print(max(3, 1, key=lambda x: -x), max("abc", "abd", "ab"), min(range(5, 0, -1)), max({3: "a", 7: "b"}))
for bad in [lambda: max([]), lambda: min(), lambda: max(5), lambda: max(1, "a"), lambda: max([], default=1, key=2) + 0,
            lambda: min(1, 2, default=0), lambda: max([1], bogus=1)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
