# Messages of common builtin errors.
tests = [
    lambda: 1 / 0,
    lambda: [1][5],
    lambda: {}["k"],
    lambda: undefined_variable,
    lambda: int("abc"),
    lambda: "a" + 1,
    lambda: None.attr,
    lambda: (1, 2).append(3),
    lambda: len(5),
    lambda: [].pop(),
    lambda: "abc".index("z"),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: float("x"),
    lambda: len(tests)(),
    lambda: int.nope,
    lambda: {}.pop("x"),
    lambda: [1, 2, 3][1:2:0],
    lambda: chr(-1),
    lambda: ord("ab"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
