# A text processing program: word frequencies with str methods only.
text = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! Over and over, the quick fox wins."""
words = [w.strip(".,;!").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{w:>8} {c}")
print(len(words), len(freq), max(words, key=len), text.count("fox"))
print(text.title().splitlines()[1])
