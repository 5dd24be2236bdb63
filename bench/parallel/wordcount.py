# wordcount: word frequencies over many generated documents.  Phase one:
# one transaction per document generates its text (words made of syllables,
# some capitalised, some followed by punctuation), splits it, normalises the
# words and counts them into a dict local to the transaction, stored into
# its own slot of `parts`.  Phase two: the partial dicts are merged
# pairwise, one transaction per pair and one transaction.run() per level of
# the merge tree, each merge writing a new dict into its own slot.  All the
# transactions are independent; the work is string building, str methods and
# dict updates.
#
# Usage: python3 wordcount.py [--size tiny|quick|default]
# Prints "OK wordcount <size> <result>" when the result matches the table
# below, else "CHECK FAILED: ..." on stderr, exit status 1.
# bench/js/wordcount.js is the JavaScript twin and prints the same line.

import sys
import transaction

# size -> (documents, words per document); one transaction per document.
SIZES = {
    "tiny": (8, 200),
    "quick": (40, 1000),
    "default": (300, 4000),
}

EXPECTED = {
    "tiny": "words=1600 distinct=646 top=ka:61,mi:58,lo:56 checksum=526370307",
    "quick":
        "words=40000 distinct=3082 "
        "top=ka:1606,lo:1541,mi:1496 checksum=98957364",
    "default":
        "words=1200000 distinct=4276 "
        "top=ka:48252,lo:45249,mi:42585 checksum=27872386",
}

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


def count_document(index, words, parts):
    text = generate(index + 1, words)
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


def run(size):
    documents, words = SIZES[size]
    parts = [None] * documents
    for i in range(documents):
        transaction.add(count_document, i, words, parts)
    transaction.run()
    while len(parts) > 1:
        merged = [None] * ((len(parts) + 1) // 2)
        for i in range(len(merged)):
            transaction.add(merge_pair, parts, i, merged)
        transaction.run()
        parts = merged
    counts = parts[0]
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    total = 0
    checksum = 0
    for word, n in ranked:
        total += n
        for ch in word:
            checksum = (checksum * 131 + ord(ch)) % 1000000007
        checksum = (checksum * 131 + n) % 1000000007
    top = ",".join("%s:%d" % item for item in ranked[:3])
    return "words=%d distinct=%d top=%s checksum=%d" % (total, len(ranked),
                                                       top, checksum)


def parse_size(argv):
    # "--size NAME" or "--size=NAME"; None on a bad command line.
    args = argv[1:]
    if not args:
        return "default"
    if len(args) == 2 and args[0] == "--size":
        name = args[1]
    elif len(args) == 1 and args[0].startswith("--size="):
        name = args[0][len("--size="):]
    else:
        return None
    return name if name in SIZES else None


def main(argv):
    size = parse_size(argv)
    if size is None:
        sys.stderr.write("usage: wordcount.py [--size tiny|quick|default]\n")
        return 2
    result = run(size)
    expected = EXPECTED.get(size)
    if expected is None:
        print("UNCHECKED wordcount %s %s" % (size, result))
        return 0
    if result != expected:
        sys.stderr.write("CHECK FAILED: wordcount %s: got %s, expected %s\n"
                         % (size, result, expected))
        return 1
    print("OK wordcount %s %s" % (size, result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
