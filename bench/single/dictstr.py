# dictstr: dictionary- and string-heavy text processing.  Generates a text of
# n pseudo-random words (made of syllables, grouped into capitalised
# sentences and lines), then counts word and letter frequencies, counts
# bigrams with collections.Counter, groups words by first letter in a
# defaultdict of lists, builds an index of line numbers per word, and formats
# a report with %-formatting, str.format and f-strings.
#
# Exercises str split/join/strip/lower/upper/replace/startswith/slicing,
# dict get/setdefault/items/iteration, tuple keys, sorting with keys and
# string formatting.  Uses its own linear congruential generator so the text
# does not depend on the random module's algorithm.
#
# Usage: python3 dictstr.py [words]
# Prints "OK dictstr <report hash> <distinct words> <report length>" when all
# three match the table below.

import sys
from collections import Counter, defaultdict

DEFAULT_SIZE = 200000

# words -> (hash of the report, distinct words, report length).
EXPECTED = {
    500: (858499723, 286, 2679),
    5000: (1432413671, 622, 2722),
    200000: (1912112903, 698, 2746),
}

SYLLABLES = ("ka", "to", "ri", "mu", "sen", "dal", "or", "pi", "que", "lo",
             "va", "ne", "sta", "bri", "el", "um", "zo", "fa", "gin", "tre")


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        # Uniform-ish integer in [0, bound).
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def make_vocabulary(rng, count):
    words = {}
    while len(words) < count:
        parts = [SYLLABLES[rng.next(len(SYLLABLES))]
                 for _ in range(1 + rng.next(4))]
        words["".join(parts)] = True
    return list(words)


def make_text(rng, n):
    vocabulary = make_vocabulary(rng, 700)
    lines = []
    line = []
    sentence_left = 0
    for _ in range(n):
        # Skewed choice: low indexes are much more frequent.
        index = rng.next(len(vocabulary))
        index = index * rng.next(len(vocabulary)) // len(vocabulary)
        word = vocabulary[index]
        if sentence_left == 0:
            word = word.capitalize()
            sentence_left = 4 + rng.next(12)
        sentence_left -= 1
        if sentence_left == 0:
            word += "."
        elif rng.next(9) == 0:
            word += ","
        line.append(word)
        if len(line) >= 12:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def word_frequencies(text):
    counts = {}
    for line in text.splitlines():
        for raw in line.split():
            word = raw.strip(".,").lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def letter_frequencies(text):
    counts = {}
    for ch in text.lower():
        if "a" <= ch <= "z":
            if ch in counts:
                counts[ch] += 1
            else:
                counts[ch] = 1
    return counts


def bigrams(text):
    words = text.replace(",", "").replace(".", "").lower().split()
    return Counter(zip(words, words[1:]))


def line_index(text):
    index = {}
    for number, line in enumerate(text.split("\n"), 1):
        for raw in line.split(" "):
            word = raw.rstrip(",.").lower()
            index.setdefault(word, []).append(number)
    return index


def group_by_initial(counts):
    groups = defaultdict(list)
    for word in counts:
        groups[word[0].upper()].append(word)
    for words in groups.values():
        words.sort(key=lambda w: (len(w), w))
    return groups


def report(text):
    counts = word_frequencies(text)
    letters = letter_frequencies(text)
    pairs = bigrams(text)
    index = line_index(text)
    groups = group_by_initial(counts)

    out = []
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    out.append("== top words ==")
    for rank, (word, count) in enumerate(ranked[:25], 1):
        lines = index[word]
        out.append("%3d. %-14s %6d  first=%d last=%d" %
                   (rank, word, count, lines[0], lines[-1]))
    out.append("== letters ==")
    total = sum(letters.values())
    for ch in sorted(letters, key=letters.get, reverse=True):
        share = 1000 * letters[ch] // total
        out.append("{0}:{1:>7}:{2:>4}".format(ch.upper(), letters[ch], share))
    out.append("== bigrams ==")
    top_pairs = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    for (a, b), count in top_pairs[:15]:
        out.append(f"{a}-{b} x{count}")
    out.append("== groups ==")
    for initial in sorted(groups):
        words = groups[initial]
        longest = max(words, key=len)
        sample = "/".join(w[:3] for w in words[:6])
        out.append(f"{initial} {len(words):4d} longest={longest} {sample}")
    palindromes = [w for w in counts if len(w) > 2 and w == w[::-1]]
    out.append("palindromes: " + ", ".join(sorted(palindromes)))
    rare = sum(1 for count in counts.values() if count == 1)
    out.append("rare=%d distinct=%d" % (rare, len(counts)))
    return "\n".join(out), len(counts)


def text_hash(text):
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 2147483647
    return h


def run(n):
    rng = Lcg(20240607)
    text = make_text(rng, n)
    rendered, distinct = report(text)
    return text_hash(rendered), distinct, len(rendered)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = run(size)
    shown = "%d %d %d" % result
    if size not in EXPECTED:
        print("UNCHECKED dictstr %d %s" % (size, shown))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: dictstr %d: "
                         "got %s, expected %d %d %d\n"
                         % ((size, shown) + tuple(EXPECTED[size])))
        sys.exit(1)
    print("OK dictstr %s" % shown)


main()
