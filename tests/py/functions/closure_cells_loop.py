# Closures created in loops share the loop variable's final value.
def make():
    out = []
    for i in range(3):
        def f():
            return i
        out.append(f)
    return out
print([f() for f in make()])
def make_fixed():
    out = []
    for i in range(3):
        def f(i=i):
            return i
        out.append(f)
    return out
print([f() for f in make_fixed()])
def make_factory():
    return [(lambda j: (lambda: j))(i) for i in range(3)]
print([f() for f in make_factory()])
