# repr and str of builtin values.
vals = [1, -1.5, 1e100, "s", "it's", 'q"', b"b", [1, "a"], (1,), {"k": [None]}, set(), {1}, frozenset(), None, True,
        1 + 2j, range(3), slice(1), Ellipsis, NotImplemented, int, len, type(None), object]
for v in vals:
    print(repr(v), "|", str(v))
print(str(), str("x"), repr(""), str(b"x", "ascii"), repr(repr("a")))
