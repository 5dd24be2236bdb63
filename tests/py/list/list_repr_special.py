# Repr of lists containing special values.
print([1.0, -0.0, float("inf"), float("nan"), 1e100, 1 + 2j, True, None, ..., "s", b"b", (1,), {}, set()])
print([str, int, len].__len__(), [print.__name__, len.__name__])
print([[[]]], [(), [()]], ["'", '"', "\n"])
