# Combining characters are separate code points; no implicit normalization.
a = "é"          # precomposed
b = "e\u0301"    # decomposed
print(a == b, len(a), len(b), a.encode(), b.encode())
print([hex(ord(c)) for c in b], b.upper(), b[::-1].encode())
flag = "🇫🇷"
print(len(flag), [hex(ord(c)) for c in flag])
family = "👨\u200d👩\u200d👧"
print(len(family), family.count("\u200d"), len(family.encode("utf-8")))
