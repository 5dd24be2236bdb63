# Non-ASCII text: length, indexing, case, encoding.
texts = ["café", "naïve résumé", "Ελληνικά", "русский", "日本語のテキスト", "한국어", "😀👍🏽🇫🇷", "e\u0301", "ﬀ"]
for t in texts:
    print(t, len(t), t[0], t[-1], t.upper(), t.lower(), len(t.encode("utf-8")), list(t.encode("utf-8"))[:6])
print([hex(ord(c)) for c in "aé€😀"])
print([chr(c) for c in (0x41, 0xe9, 0x20ac, 0x1f600)])
print("Σ".lower(), "ΟΔΟΣ".lower(), "σ".upper(), "ς".upper())
print("ǅ".lower(), "ǅ".upper(), "ǅ".title(), "İ".lower(), len("İ".lower()))
print(sorted("δγβα"), "αβγ"[::-1], "😀" * 3, "日本" + "語")
