# bytes and bytearray methods over the same inputs: results keep the
# receiver's type; ASCII-only case mapping and predicates.
def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, repr(r))

vals = [b"", b"abc", b"Hello World", b"  spaced  out  ", b"a,b,,c", b"\xc3\xa9\xff\x00", b"a\tb\nc\r\nd\x0be\x1cg",
        b"-42", b"they're bill's", b"MiXeD cAsE 3rd"]
for base in vals:
    for s in (base, bytearray(base)):
        print("==", repr(s))
        show("case", lambda: (s.lower(), s.upper(), s.swapcase(), s.title(), s.capitalize()))
        show("is", lambda: [m for m in ("isalpha", "isdigit", "isalnum", "isspace", "isascii", "islower", "isupper", "istitle")
                            if getattr(s, m)()])
        show("strip", lambda: (s.strip(), s.lstrip(), s.rstrip(), s.strip(b"a "), s.rstrip(bytearray(b"\x00"))))
        show("split", lambda: (s.split(), s.rsplit(None, 1), s.split(None, 1), s.split(b","), s.rsplit(b",", 1), s.splitlines(True)))
        show("pad", lambda: (s.ljust(10, b"."), s.rjust(10), s.center(11, bytearray(b"*")), s.zfill(6), s.expandtabs(3)))
        for sub in (b"", b"a", b"l", 97, bytearray(b"c")):
            show("  search %r" % (sub,), lambda: (s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 2, -1),
                                                  s.rfind(sub, -5), s.count(sub, 1, 4), sub in s))
        show("part", lambda: (s.partition(b"l"), s.rpartition(bytearray(b"l")), s.removeprefix(b"Hel"), s.removesuffix(b"c")))
        show("misc", lambda: (s.replace(b"l", b"L", 1), s.join([b"1", b"2"]), s.hex(), s.hex(":", 2), s.translate(None, b"aeiou")))
