# repr/str of ranges and slices.
print(repr(range(5)), str(range(1, 5)), repr(range(1, 5, 2)), repr(range(0, -5, -1)))
print(repr(slice(1)), repr(slice(1, 2)), repr(slice(None, 2, None)), str(slice("a", "b", "c")))
print([range(2)], (slice(None),), {"r": range(0)})
