# Iterating over snapshots while mutating the originals.
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
lst = [1, 2, 3, 4, 5, 6]
for x in lst[:]:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
lst2 = [1, 2, 3, 4]
for i in range(len(lst2) - 1, -1, -1):
    if lst2[i] > 2:
        del lst2[i]
print(lst2)
