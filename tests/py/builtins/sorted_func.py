# sorted with key, reverse and stability.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(sorted("hello"), sorted({3: 0, 1: 0, 2: 0}), sorted((2, 1)), sorted(range(5), reverse=True), sorted([]))
print(sorted(["B", "a", "C"]), sorted(["B", "a", "C"], key=str.lower), sorted([-3, 2, -1], key=abs))
words = ["aa", "b", "cc", "d", "ee"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], key=None), sorted([1.5, 1, True, 0]))
for bad in [lambda: sorted(5), lambda: sorted([1, "a"]), lambda: sorted([1, 2], key=lambda x: "a" if x == 1 else 2),
            lambda: sorted([1], reverse="yes"), lambda: sorted()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
