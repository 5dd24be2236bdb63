# Statements: simple and compound.
import os
import os.path
import os.path as p, sys as s
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (path as p,
    sep as s)
from . import x
from .. import y
from ...a.b import c
from .... import d
from . a import b
from os import *
x = 1
x = y = 1
x, y = 1, 2
(x, y) = [a, b] = c
[x, *y] = z
*x, y = z
x, = y
a.b = c
a[0] = b
a[1:2] = b
a.b.c[d].e = f
x: int
x: int = 1
(x): int = 1
a.b: int
a[0]: int = 2
x: list[int] = []
x += 1
x -= 1
x *= 1
x /= 1
x //= 1
x %= 1
x **= 1
x @= 1
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
a.b += 1
a[0] += 1
x = yield_ = 1
del x
del x, y
del x,
del (x, y), [z]
del a.b, a[0], a[1:2]
global x
global x, y
assert x
assert x, "message"
pass; pass
x = 1; y = 2;
def f(): pass
def f(a, b): return a + b
def f(a, b=1, *args, c, d=2, **kwargs): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2): pass
def f(*, a): pass
def f(*args: *Ts): pass
def f(a: int, b: str = "x") -> None: pass
def f(*args: int, **kwargs: str): pass
def f(a,): pass
def f(*a,): pass
def f(**k,): pass
def f(a, /,): pass
@decorator
def f(): pass
@a.b.c
@d(e)
@f[g]
@(h := i)
def f():
    """docstring"""
    return
def g():
    yield
    yield x
    yield from x
    x = yield
    x = yield y
    x = yield from y
    x += yield
    nonlocal_ = 1
    await_ = 1
def outer():
    x = 1
    def inner():
        nonlocal x
        x = 2
    return inner
class A: pass
class A(): pass
class A(B): pass
class A(B, C, metaclass=M, **kw): pass
class A(*bases): pass
@dec
class A:
    x = 1
    def f(self): pass
if x: pass
if x:
    pass
elif y:
    pass
elif z:
    pass
else:
    pass
if (n := len(a)) > 10: pass
while x:
    break
else:
    continue
for x in y:
    pass
for x, y in z: pass
for (x, y) in z: pass
for [x, y] in z: pass
for x.y in z: pass
for x[0] in z: pass
for *x, y in z: pass
for x in y, z: pass
for x in *y, z: pass
for x in y:
    pass
else:
    pass
try:
    pass
except:
    pass
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
except E as e:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* E:
    pass
except* (E, F) as e:
    pass
try:
    pass
except E:
    pass
finally:
    pass
with a: pass
with a as b: pass
with a as b, c as d: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c: pass
with (a): pass
with (a, b): pass
with (a as b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (yield): pass
with a, b: pass
with (
    open(x) as f,
    open(y) as g,
):
    pass
raise
raise E
raise E from F
raise E() from None
return_ = 1
if x:
    if y:
        if z:
            pass
        else:
            pass
def f():
    return
def f():
    return 1, 2
def f():
    return *a, b
x = 1 if y else 2
print(x)
match = 1
case = 2
_ = 3
match(x)
match.x = 1
print(match, case, _)
type = 4
