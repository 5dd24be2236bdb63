# List comprehension vs generator expression semantics.
src = [1, 2, 3]
lc = [x * 2 for x in src]
ge = (x * 2 for x in src)
src.append(4)
print(lc, list(ge))
print(type([x for x in ()]).__name__, type((x for x in ())).__name__)
print(sum([x for x in range(5)]), sum(x for x in range(5)), list(x for x in "ab"))
