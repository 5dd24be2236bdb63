# Default argument values are evaluated once, at definition time.
def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, 5), f(1, c=9), f(a=0), f(1, 2, 3))
x = 10
def g(v=x):
    return v
x = 20
print(g(), g(5))
def append_bad(item, acc=[]):
    acc.append(item)
    return acc
print(append_bad(1), append_bad(2), append_bad(3, []), append_bad(4))
def append_good(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc
print(append_good(1), append_good(2))
print(f.__defaults__, append_bad.__defaults__, g.__defaults__, (lambda: 0).__defaults__)
def counter(n=[0]):
    n[0] += 1
    return n[0]
print(counter(), counter(), counter())
