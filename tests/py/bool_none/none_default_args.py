# The None-default idiom and sentinel objects.
def append(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(append(1), append(2), append(3, [0]))
_missing = object()
def get(d, k, default=_missing):
    if k in d:
        return d[k]
    if default is _missing:
        raise KeyError(k)
    return default
print(get({"a": 1}, "a"), get({}, "b", None), get({}, "c", 0))
try:
    get({}, "z")
except KeyError as e:
    print("KeyError:", e)
