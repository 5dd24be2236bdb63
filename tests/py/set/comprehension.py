# Set comprehensions.
print({x % 5 for x in range(20)}, {x * x for x in [-2, -1, 0, 1, 2]}, {c for c in "aaa"})
words = ["apple", "Banana", "avocado", "blueberry"]
print(sorted({w[0].lower() for w in words}), len({len(w) for w in words}))
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
