# yield as an expression in various positions.
def g():
    x = yield
    print("x =", x)
    y = (yield x) + 1
    print("y =", y)
    lst = [(yield "list-elem")]
    print("lst =", lst)
    yield
it = g()
print(next(it))
print(it.send("first"))
print(it.send(41))
print(it.send("elem"))
def yields_tuple():
    yield 1, 2
    v = yield
    yield v
t = yields_tuple()
print(next(t), next(t), t.send(("a", "b")))
