# Errors raised inside generators surface at next(); the generator is then finished.
def faulty():
    yield 1
    raise KeyError("inside")
    yield 2
f = faulty()
print(next(f))
try:
    next(f)
except KeyError as e:
    print("KeyError:", e)
print(next(f, "finished"))
def gen():
    yield 1
g = gen()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
