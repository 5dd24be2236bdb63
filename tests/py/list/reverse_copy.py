# reverse, copy, reversed, list() copies.
a = [1, [2], 3]
b = a.copy()
b[1].append("shared")
b[0] = "changed"
print(a, b)
a.reverse()
print(a, list(reversed(a)), a[::-1])
print(reversed(a).__class__.__name__, list(reversed([])), list(reversed(range(3))))
it = reversed(a)
print(next(it), next(it), list(it))
c = list(a)
print(c == a, c is a)
