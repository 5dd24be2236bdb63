# Long chains of nested generators and deep yield from.
def wrap(g):
    for x in g:
        yield x
g = iter(range(5))
for _ in range(200):
    g = wrap(g)
print(list(g))
def nest(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nest(n - 1)
print(list(nest(300)))
