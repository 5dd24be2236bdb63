# isinstance and issubclass with builtin types and tuples.
vals = [1, 1.0, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, 1j, range(1), len, int]
for v in vals:
    print(repr(v)[:12], isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, object), isinstance(v, type))
print(issubclass(int, object), issubclass(bool, int), issubclass(int, bool), issubclass(list, (dict, list)), issubclass(type, type))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
