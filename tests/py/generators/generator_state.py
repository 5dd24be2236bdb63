# Generator state transitions and local state preservation.
def stateful():
    x = 0
    while x < 3:
        x += 1
        yield x, x * 10
g = stateful()
print(next(g), next(g))
print(list(g), list(g))
def running():
    s = 0
    for v in [3, 1, 4, 1, 5]:
        s += v
        yield s
print(list(running()))
gens = [stateful() for _ in range(2)]
print(next(gens[0]), next(gens[0]), next(gens[1]))
