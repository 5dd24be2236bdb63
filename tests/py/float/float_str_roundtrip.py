# Many computed floats round-trip through repr.
vals = []
x = 1.0
for i in range(60):
    x = x * 1.7 + 0.3
    vals.append(x)
    vals.append(1 / x)
ok = all(float(repr(v)) == v for v in vals)
print(ok)
print([repr(v) for v in vals[:12]])
print(repr(vals[-1]), repr(vals[-2]))
print([i / 10 for i in range(11)])
print([2 ** -i for i in range(0, 60, 7)])
print([10.0 ** i for i in range(-6, 25, 3)])
