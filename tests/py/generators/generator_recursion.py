# Recursive generators: permutations, subsets, and flattening.
def perms(items):
    if not items:
        yield ()
        return
    for i in range(len(items)):
        for rest in perms(items[:i] + items[i + 1:]):
            yield (items[i],) + rest
def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(perms((1, 2, 3))))
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
print(list(flatten([1, (2, [3, (4,)]), [[5]]])))
