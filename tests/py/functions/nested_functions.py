# Deeply nested function definitions, each level capturing the outer ones.
def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000))
def memo_counter():
    calls = {"n": 0}
    def wrap(fn):
        def inner(*args):
            calls["n"] += 1
            return fn(*args)
        return inner
    return wrap, calls
wrap, calls = memo_counter()
sq = wrap(lambda x: x * x)
print([sq(i) for i in range(4)], calls)
def redefine():
    def f():
        return 1
    first = f
    def f():
        return 2
    return first(), f()
print(redefine())
