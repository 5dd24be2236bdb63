# Errors from ** unpacking.
def f(**kw):
    return kw
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**None)
except TypeError as e:
    print("TypeError:", e)
try:
    dict(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
print(f(**dict(x=1), y=2), {**dict(a=1), "a": 2})
