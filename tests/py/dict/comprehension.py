# Dict comprehensions.
sq = {x: x * x for x in range(6)}
print(sq)
inv = {v: k for k, v in sq.items()}
print(inv)
print({k: v for k, v in sq.items() if v % 2 == 0})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter, {k: len(v) for k, v in by_letter.items()})
print({i: j for i in range(3) for j in range(i)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({c: words.count(c) for c in ["apple", "x"]})
