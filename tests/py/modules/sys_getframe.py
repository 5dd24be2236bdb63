import sys
from collections import namedtuple

def outer():
    x = 42
    return inner()

def inner():
    f = sys._getframe()
    b = sys._getframe(1)
    return (f.f_code.co_name, b.f_code.co_name, b.f_locals["x"], f.f_back.f_code.co_name,
            f.f_globals is globals(), b.f_lineno)

print(outer())
print(sys._getframe().f_code.co_name, sys._getframe().f_globals["__name__"])
print(sys._getframe(0).f_back)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
P = namedtuple("P", "x y")
print(P.__module__, P(1, 2))
def depth():
    n, f = 0, sys._getframe()
    while f is not None:
        n, f = n + 1, f.f_back
    return n
print(depth(), (lambda: depth())())
