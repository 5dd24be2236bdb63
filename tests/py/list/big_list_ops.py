# Larger lists: building, summing, slicing.
n = 20000
a = list(range(n))
print(len(a), sum(a), a[-1], a[n // 2])
b = a[::-1]
print(b[:3], sum(b[::100]))
c = [x for x in a if x % 7 == 3]
print(len(c), c[:4], c[-1])
a.reverse()
a.sort()
print(a[:3] == [0, 1, 2])
d = a * 3
print(len(d), d.count(5))
del d[::2]
print(len(d))
