# str methods over ASCII and non-ASCII text: case mappings (final sigma, full
# mappings), predicates, strip/split family, padding, searching with bounds.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))

strs = ["", "abc", "Hello World", "  spaced  out  ", "ÀÉÎõü", "straße", "ﬁne", "ǅemal", "ΣΑΣ ΟΔΟΣ ΣΣ Σ.",
        "a\tb\nc\r\nd\x0be\x0cf\x1cg\x85h\u2028i\u3000j", "x😀y😀z", "١٢٣", "½⑦²", "-42", "İı", "ŉ",
        "they're bill's friends", "MiXeD cAsE 3rd"]
for s in strs:
    print("==", repr(s))
    show("case", lambda: (s.lower(), s.upper(), s.casefold(), s.swapcase(), s.title(), s.capitalize()))
    show("is", lambda: [m for m in ("isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
                                    "isprintable", "isascii", "islower", "isupper", "istitle", "isidentifier")
                        if getattr(s, m)()])
    show("strip", lambda: (s.strip(), s.lstrip(), s.rstrip(), s.strip("a ΣΟ"), s.lstrip("😀x")))
    show("split", lambda: (s.split(), s.rsplit(None, 1), s.split(None, 1), s.splitlines(), s.splitlines(True)))
    show("pad", lambda: (s.ljust(12, "·"), s.rjust(12), s.center(13, "é"), s.zfill(8), s.expandtabs(3)))
    for sub in ("", "a", "ΣΣ", "😀", " ", "l"):
        show("  search %r" % sub, lambda: (s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2, -1),
                                          s.rfind(sub, -5), s.count(sub, 1, 4), s.startswith(sub, 1),
                                          s.endswith(sub, 0, -1), s.partition(sub) if sub else None))
