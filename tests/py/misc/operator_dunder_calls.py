# Operators map to dunder methods on builtins.
print((3).__add__(4), "a".__add__("b"), [1].__add__([2]), (2).__pow__(10), (7).__floordiv__(2), (7).__mod__(3))
print((5).__lt__(6), "b".__gt__("a"), [1, 2].__contains__(2), {"k": 1}.__getitem__("k"), (1, 2).__len__())
print((3).__add__("x"), (3).__radd__(4), (3.0).__eq__(3), "x".__mul__(3), (-4).__abs__(), (4).__neg__())
