# accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap.
from itertools import accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(accumulate([1, 2], initial=100)), list(accumulate([])), list(accumulate("abc")))
print(list(chain("ab", [1], (2,))), list(chain.from_iterable(["xy", [3, 4]])), list(chain()))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(range(5), [True, False])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
print(list(filterfalse(lambda x: x % 2, range(8))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), ()])))
