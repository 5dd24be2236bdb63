# Deduplicating while preserving order, set size of big ranges.
data = [5, 3, 5, 1, 3, 9, 1, 7]
seen = set()
out = []
for x in data:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out, sorted(set(data)), len(set(range(10000)) & set(range(5000, 15000))))
words = "to be or not to be that is the question".split()
print(len(set(words)), sorted(set(words)), list(dict.fromkeys(words)))
