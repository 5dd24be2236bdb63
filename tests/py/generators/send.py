# send() values into generators.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(e.send(None), e.send("a"), e.send(1))
fresh = echo()
try:
    fresh.send("too early")
except TypeError as err:
    print("TypeError:", err)
def averager():
    total, n = 0, 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 30, 40]])
