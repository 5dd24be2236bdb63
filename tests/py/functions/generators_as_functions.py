# A function containing yield is a generator function.
def g():
    print("started")
    yield 1
    yield 2
gen = g()
print(type(gen).__name__, g.__name__)
print(next(gen), next(gen))
try:
    next(gen)
except StopIteration:
    print("exhausted")
def maybe(flag):
    if flag:
        yield "yes"
    return
print(list(maybe(True)), list(maybe(False)))
