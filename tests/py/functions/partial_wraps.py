# functools.partial.
from functools import partial
def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
two_to = partial(power, 2)
print(square(5), cube_mod(7), two_to(10), square.func is power, square.args, square.keywords)
print(two_to.args, partial(partial(power, 3), 4)(), partial(print, sep="-")("a", "b"))
p = partial(int, base=2)
print(p("1011"), p("11", base=10))
try:
    partial()
except TypeError as e:
    print("TypeError:", e)
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
