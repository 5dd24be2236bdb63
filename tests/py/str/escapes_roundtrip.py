# Printing strings with control characters via repr, and lengths.
samples = ["a\tb", "a\\tb", "line\nbreak", r"raw\n", "\x01\x02", "\u00e9\u0301", "quote'\"", "\\"]
for s in samples:
    print(len(s), repr(s))
print("tab:[\t] done")
print("multi\nline\noutput")
