# Common counting and grouping idioms.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
letters = {}
for ch in text.replace(" ", ""):
    letters[ch] = letters.get(ch, 0) + 1
print(max(letters, key=letters.get), letters["o"], len(letters))
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(dict(sorted(groups.items())))
