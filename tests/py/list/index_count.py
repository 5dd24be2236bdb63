# index and count, with ranges and equality.
a = [1, 2, 3, 2, 1, 2.0, True]
print(a.index(2), a.index(2, 2), a.index(2, 4), a.index(1, -3), a.count(2), a.count(1), a.count("x"))
print([[1], [1]].count([1]), [float("nan")].count(float("nan")))
nan = float("nan")
print([nan].count(nan), [nan].index(nan), nan in [nan])
for args in [(9,), (3, 0, 2), (2, 10)]:
    try:
        a.index(*args)
    except ValueError as e:
        print("ValueError:", e)
