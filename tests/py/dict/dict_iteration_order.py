# Iteration order is insertion order, across deletes and re-inserts.
d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = str(k)
print(list(d))
del d[3]
d[3] = "again"
d[5] = "updated"
print(list(d.items()))
print(list(reversed(d)), next(iter(d)), list(d)[-1])
d2 = dict.fromkeys(range(20))
for k in range(0, 20, 2):
    del d2[k]
print(list(d2))
for k in range(0, 20, 4):
    d2[k] = 1
print(list(d2))
