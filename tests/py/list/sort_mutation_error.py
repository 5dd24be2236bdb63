# Mutating a list during sort raises ValueError; key errors propagate.
a = [3, 1, 2]
def key(x):
    a.append(x)
    return x
try:
    a.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
print(sorted(a))
def bad_key(x):
    if x == 2:
        raise KeyError("bad")
    return x
b = [3, 2, 1]
try:
    b.sort(key=bad_key)
except KeyError as e:
    print("KeyError:", e)
print(b)
