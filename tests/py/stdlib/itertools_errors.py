# itertools: argument errors with CPython's exception types and messages.
import itertools as it
cases = [
    lambda: it.count("a"), lambda: it.count(1, "x"), lambda: it.repeat(), lambda: it.repeat(1, "a"),
    lambda: it.cycle(), lambda: it.cycle(5), lambda: list(it.chain(1, 2)), lambda: it.islice([1]),
    lambda: it.islice([1], -1), lambda: it.islice([1], 1, 2, 0), lambda: it.islice([1], "a", 2),
    lambda: it.islice([1], 0, 1, -2), lambda: it.islice(1, 2), lambda: it.accumulate(),
    lambda: it.accumulate(3), lambda: list(it.accumulate([1, "a"])), lambda: it.product(repeat=-1),
    lambda: it.product(None), lambda: it.permutations("ab", -1), lambda: it.combinations("ab"),
    lambda: it.combinations("ab", -1), lambda: it.combinations_with_replacement("ab", -1),
    lambda: it.tee([], -1), lambda: it.tee(3), lambda: it.zip_longest(3), lambda: it.starmap(pow),
    lambda: list(it.starmap(pow, [5])), lambda: it.groupby(None), lambda: it.pairwise(7),
    lambda: it.compress([1]), lambda: it.dropwhile(None), lambda: it.filterfalse(None, 3),
    lambda: it.takewhile(bool), lambda: list(it.dropwhile(lambda x: 1 / x, [1, 0])),
    lambda: list(it.filterfalse(lambda x: x + "", [1])), lambda: it.repeat(1).__length_hint__(),
]
for i, case in enumerate(cases):
    try:
        result = case()
        print(i, "no error", type(result).__name__)
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        print(i, type(exc).__name__ + ":", exc)
