# Expressions: operators, precedence, calls, subscripts, displays.
a + b - c * d / e // f % g @ h ** i
-a ** -b ** ~c
not a or b and not c or d
a if b else c if d else e
(a if b else c) if (d or e) else f
x | y ^ z & w << 1 >> 2
a < b <= c > d >= e == f != g in h not in i is j is not k
(a) + (b)
((a)) . b [c] (d)
f()
f(a)
f(a,)
f(a, b, *c, d=1, *e, **g, h=2)
f(*a, **b)
f(**a, b=1, **c)
f(x for x in y)
f((x for x in y), z)
f(a := 1)
f(a, b := 2, c=3)
f(x)(y)(z)
x.y.z
x[0][1:2][::3][a:b:c][:, 1][1:2, ::3, ...]
x[a, b]
x[a,]
x[*a]
x[1:2, *b]
x[(a := 1)]
x[lambda: 1]
x[a:=1]
[]
[1]
[1, 2, *a, *[3]]
[x for x in y]
[x for x in y if x if not x for z in x]
[(x, y) for x, y in z]
[x for *a, b in c]
{}
{1}
{1, 2, *a}
{1: 2}
{1: 2, **a, 3: 4}
{**a}
{x: y for x, y in z}
{x for x in y}
()
(1,)
(1, 2)
(*a, b)
(yield)
((yield x), (yield from y))
(a := 1)
(x for x in y)
((x, y) for x in y for y in x if y)
lambda: 0
lambda a: a
lambda a, b=1, *c, d, e=2, **f: 0
lambda *, a: 0
lambda a, /, b: 0
lambda a=1, /, b=2, *, c: 0
lambda *a: 0
lambda **k: 0
lambda: (yield)
lambda: lambda: 0
x = y = z = 1
...
None, True, False
a.b.c.d(e).f[g](h)
(lambda: 1)()
-1
+1.5
~0x_ff
1 if 2 else 3
[a for b in c for d in e if f if g]
(i for i in range(3))
f(i for i in range(3))
print(*args, sep='', **kw)
a[(b:=1):2] if False else 0
x = *a, *b
x = 1,
x = (1, 2), 3
x = [*a, *b]
x = {**a, **b}
a is not b
a not in b
not a in b
not (a in b)
-(-a)
(not a) + 1
a ** b ** c
a * b @ c
a // b % c
f(*args)
f(*a, *b)
f(a)[b].c
x = a or b or c
x = a and b and c
x = (a or b) or c
x = a or (b or c)
x = (a and b) and (c and d)
x = a < b
x = a < b < c
x = (a < b) < c
