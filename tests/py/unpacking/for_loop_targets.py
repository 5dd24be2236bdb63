# Complex for-loop targets.
for i, (a, *rest) in enumerate(["xyz", "pq"]):
    print(i, a, rest)
d = {}
for d["key"] in ["v1", "v2"]:
    pass
print(d)
class O:
    pass
o = O()
for o.attr in range(3):
    pass
print(o.attr)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    pass
print(lst)
