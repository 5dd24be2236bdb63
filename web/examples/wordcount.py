# Word count: independent counting, then a merge.
#
# Phase one: one transaction per document generates its text (words made
# of syllables, some capitalised, some followed by punctuation), splits
# it, normalises the words and counts them into a dict of its own, stored
# into its own slot of `parts`.  Phase two merges the dicts pairwise, one
# transaction per pair and one transaction.run() per level of the merge
# tree, each merge writing a new dict into its own slot.  No transaction
# ever writes what another one reads, so none conflicts.
import transaction

DOCUMENTS = 32
WORDS = 4000
MODULUS = 2147483647
SYLLABLES = ["ka", "lo", "mi", "ne", "ta", "ru", "shi", "po",
             "an", "er", "vi", "do", "qua", "ze", "bo", "li"]
PUNCTUATION = [",", ".", ";", "!", "?"]


def generate(seed, words):
    # Park-Miller generator.  Taking the smaller of two draws skews the
    # syllable choice, so some words are far more frequent than others.
    state = seed
    out = []
    for i in range(words):
        state = state * 48271 % MODULUS
        syllables = 1 + state % 3
        word = ""
        for _ in range(syllables):
            state = state * 48271 % MODULUS
            a = state % 16
            state = state * 48271 % MODULUS
            b = state % 16
            word += SYLLABLES[a if a < b else b]
        state = state * 48271 % MODULUS
        r = state % 20
        if r == 0:
            word = word.upper()
        elif r < 4:
            word = word.capitalize()
        state = state * 48271 % MODULUS
        r = state % 10
        if r == 0:
            word += PUNCTUATION[state // 10 % 5]
        out.append(word)
        out.append("\n" if i % 12 == 11 else " ")
    return "".join(out)


def count_document(index, parts):
    text = generate(index + 1, WORDS)
    counts = {}
    for token in text.split():
        word = token.strip(",.;!?").lower()
        counts[word] = counts.get(word, 0) + 1
    parts[index] = counts


def merge_pair(src, index, dst):
    merged = dict(src[2 * index])
    if 2 * index + 1 < len(src):
        for word, n in src[2 * index + 1].items():
            merged[word] = merged.get(word, 0) + n
    dst[index] = merged


parts = [None] * DOCUMENTS
for i in range(DOCUMENTS):
    transaction.add(count_document, i, parts)
transaction.run()
print("counted %d documents of %d words" % (DOCUMENTS, WORDS))

level = 1
while len(parts) > 1:
    merged = [None] * ((len(parts) + 1) // 2)
    for i in range(len(merged)):
        transaction.add(merge_pair, parts, i, merged)
    transaction.run()
    print("merge level %d: %d dicts -> %d" % (level, len(parts), len(merged)))
    parts = merged
    level += 1

ranked = sorted(parts[0].items(), key=lambda item: (-item[1], item[0]))
total = 0
checksum = 0
for word, n in ranked:
    total += n
    for ch in word:
        checksum = (checksum * 131 + ord(ch)) % 1000000007
    checksum = (checksum * 131 + n) % 1000000007
top = ",".join("%s:%d" % item for item in ranked[:3])
print("words=%d distinct=%d top=%s checksum=%d" % (total, len(ranked), top,
                                                  checksum))
