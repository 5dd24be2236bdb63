# Messages when several arguments are missing or surplus.
def f(a, b, c, d):
    pass
def k(*, x, y, z):
    pass
def opt(a, b=1, c=2):
    pass
for call in [lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: k(), lambda: k(x=1),
             lambda: opt(), lambda: opt(1, 2, 3, 4), lambda: opt(1, 2, 3, 4, 5), lambda: k(1, x=1, y=2, z=3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
