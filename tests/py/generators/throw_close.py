# throw() and close(); GeneratorExit.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("generator caught", e)
        yield "recovered"
    finally:
        print("generator finally")
it = g()
print(next(it))
print(it.throw(ValueError("injected")))
try:
    next(it)
except StopIteration:
    print("stopped")
it2 = g()
next(it2)
it2.close()
print("closed; next ->", next(it2, "exhausted"))
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
c = catches_exit()
next(c)
c.close()
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = g()
fresh.close()
print("closing an unstarted generator runs nothing")
t = g()
try:
    t.throw(KeyError("before start"))
except KeyError as e:
    print("KeyError propagated:", e)
def uncaught():
    yield 1
u = uncaught()
next(u)
try:
    u.throw(TypeError("typed"))
except TypeError as e:
    print("TypeError:", e)
