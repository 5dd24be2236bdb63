# List comprehensions with conditions and nesting.
print([x for x in range(10)], [x * 2 for x in range(5) if x != 2], [c for c in "hello" if c in "aeiou"])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([x if x % 2 else -x for x in range(6)], [[y for y in range(x)] for x in range(4)])
print([x for x in range(20) if x % 2 if x % 3], [a + b for a in "ab" for b in "12"])
print([n for row in [[1, 2], [3], []] for n in row], [len(w) for w in "the quick fox".split()])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[r[i] for r in matrix] for i in range(3)], [sum(r) for r in matrix])
