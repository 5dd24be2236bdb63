# groupby, islice, tee, zip_longest, pairwise.
from itertools import groupby, islice, tee, zip_longest, pairwise
print([(k, list(g)) for k, g in groupby("aaabccdaa")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
print({k: list(g) for k, g in groupby(data, key=lambda w: w[0])})
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)), list(islice([], 5)))
a, b = tee([1, 2, 3])
print(list(a), list(b))
x, y, z = tee("ab", 3)
print(next(x), list(y), list(x), list(z))
print(list(zip_longest("abc", [1])), list(zip_longest("a", "bc", fillvalue="-")), list(zip_longest()))
print(list(pairwise([1, 2, 3, 4])), list(pairwise("a")), list(pairwise("abc")))
for bad in [lambda: islice("abc", -1), lambda: islice("abc", 1, 2, 0), lambda: tee([1], -1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
groups = groupby([1, 1, 2])
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
