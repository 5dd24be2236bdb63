# Walking lists with enumerate and zip.
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(i, n, a)
print(dict(zip(names, ages)), list(zip(*[(1, 2), (3, 4)])))
oldest = max(zip(ages, names))
print(oldest, sorted(zip(ages, names), reverse=True))
