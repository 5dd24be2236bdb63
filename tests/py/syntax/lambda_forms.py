# lambda with every parameter kind.
f = lambda: "none"
g = lambda x, y=2: x + y
h = lambda *a, **k: (a, sorted(k.items()))
k = lambda a, /, b, *, c: (a, b, c)
print(f(), g(1), g(1, 1), h(1, 2, z=3, y=4), k(1, 2, c=3), k(1, b=2, c=3))
print((lambda x: x * 2)(21))
print(list(map(lambda p: p[0] + p[1], [(1, 2), (3, 4)])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
print(f.__name__, (lambda: 0).__name__)
try:
    k(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
