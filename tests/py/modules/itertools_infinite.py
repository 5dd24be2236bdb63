# itertools.count, cycle, repeat.
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, -2), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle("abc"), 7)), list(islice(cycle([]), 3)), list(repeat("x", 3)), list(repeat(1, 0)))
print(list(zip(range(3), repeat(0))), list(map(pow, range(4), repeat(2))))
c = count(5)
print(next(c), next(c), repr(c))
print(repr(repeat(3, 2)))
