# list, tuple, dict, set, frozenset constructors.
print(list(), list("ab"), list((1, 2)), list({"a": 1}), list(range(3)), list(x for x in "xy"))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple({1: 2}), tuple(range(2)))
print(dict(), dict(a=1), dict([("a", 1)]), dict({"a": 1}, b=2), dict(zip("ab", "cd")), dict([["k", "v"]]))
print(set(), set([1, 1, 2]), set(range(3)), frozenset([1, 1]), sorted(set("aab")), frozenset())
for f, arg in [(list, 5), (tuple, None), (dict, [1]), (set, 1.5), (frozenset, 3), (dict, [(1, 2, 3)])]:
    try:
        f(arg)
    except (TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__ + ":", e)
try:
    list([1], [2])
except TypeError as e:
    print("TypeError:", e)
