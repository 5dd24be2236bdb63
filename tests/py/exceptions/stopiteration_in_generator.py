# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def gen():
    yield 1
    raise StopIteration("escaped")
g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def inner_next():
    it = iter([])
    yield next(it)
try:
    list(inner_next())
except RuntimeError as e:
    print("RuntimeError:", e)
def ok():
    yield 1
    return "done"
g2 = ok()
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
