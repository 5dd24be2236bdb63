# Mutual recursion and accumulation through parameters.
def count_down(n, acc=None):
    acc = [] if acc is None else acc
    if n == 0:
        return acc
    acc.append(n)
    return count_down(n - 1, acc)
print(count_down(10))
def depth(tree):
    return 1 + max((depth(c) for c in tree), default=0)
print(depth([]), depth([[], [[]]]), depth([[[[[[]]]]]]))
def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append([x] + p)
    return out
print(len(permutations([1, 2, 3, 4])), permutations([1, 2, 3]))
