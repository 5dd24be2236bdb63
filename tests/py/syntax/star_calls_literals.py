# Starred expressions in calls and displays.
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), **{'a': 1}, b=2, **{'c': 3}))
print([*range(3), *"ab", 9])
print((*[1], *[2, 3]))
print({*[1, 2], *[2, 3]})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
print(*[1, 2, 3], sep="-")
print(f(*()), f(**{}))
t = *range(2), 5
print(t)
try:
    f(**{'a': 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
