# return in a generator sets StopIteration.value.
def gen():
    yield 1
    return {"result": 42}
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
def empty():
    return "immediately"
    yield
e = empty()
try:
    next(e)
except StopIteration as ex:
    print("value:", ex.value)
def delegator():
    v = yield from empty()
    yield f"delegate got {v!r}"
print(list(delegator()))
def none_return():
    yield 1
g3 = none_return()
next(g3)
try:
    next(g3)
except StopIteration as ex:
    print(ex.value, ex.args)
