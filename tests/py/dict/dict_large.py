# Many insertions and deletions keep consistency.
d = {}
for i in range(5000):
    d[i * 7 % 5003] = i
print(len(d), d[7], d[14])
for i in range(0, 5000, 2):
    del d[i * 7 % 5003]
print(len(d), sum(d.values()), list(d)[:5])
s = {str(i): i for i in range(3000)}
print(len(s), s["2999"], sum(s.values()))
for k in list(s):
    if int(k) % 3:
        del s[k]
print(len(s), list(s)[:5])
