# Keyword-only parameters.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(a=1, b=2, c=4))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
def g(*, x, y):
    return x * y
print(g(y=2, x=5))
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(x=1)
except TypeError as e:
    print("TypeError:", e)
def h(*args, key):
    return args, key
print(h(1, 2, key=3))
try:
    h(1, 2)
except TypeError as e:
    print("TypeError:", e)
