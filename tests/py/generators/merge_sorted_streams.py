# Merging sorted generators by hand.
def merge(a, b):
    a, b = iter(a), iter(b)
    sentinel = object()
    x, y = next(a, sentinel), next(b, sentinel)
    while x is not sentinel and y is not sentinel:
        if x <= y:
            yield x
            x = next(a, sentinel)
        else:
            yield y
            y = next(b, sentinel)
    while x is not sentinel:
        yield x
        x = next(a, sentinel)
    while y is not sentinel:
        yield y
        y = next(b, sentinel)
evens = (i for i in range(0, 20, 2))
threes = (i for i in range(0, 20, 3))
print(list(merge(evens, threes)))
print(list(merge([], [1, 2])), list(merge([5], [])), list(merge("ace", "bdf")))
def dedupe(it):
    prev = object()
    for x in it:
        if x != prev:
            yield x
        prev = x
print(list(dedupe(merge([1, 2, 2, 5], [2, 3, 5]))))
