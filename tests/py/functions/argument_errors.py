# Argument binding errors and their CPython messages.
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    pass
def h():
    pass
class C:
    def m(self, x):
        return x
cases = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, a=2),
    lambda: f(1, 2, c=3),
    lambda: f(b=1),
    lambda: g(1),
    lambda: g(1, 2, 3, c=1),
    lambda: g(),
    lambda: h(1),
    lambda: h(x=1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: (lambda x: x)(),
    lambda: f(**{"a": 1, "b": 2, "c": 3}),
    lambda: g(1, 2, 3, 4, c=1),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
