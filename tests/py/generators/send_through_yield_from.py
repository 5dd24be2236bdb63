# send() and return values pass through yield from.
def inner():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def outer():
    results = []
    for _ in range(2):
        r = yield from inner()
        results.append(r)
        print("inner finished with", r)
    return results
g = outer()
print(next(g))
print(g.send(1), g.send(2))
print(g.send(None))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("outer returned", e.value)
