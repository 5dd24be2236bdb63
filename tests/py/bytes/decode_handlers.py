# bytes.decode for every codec and error handler over malformed input,
# with the UnicodeDecodeError range and reason CPython gives.
samples = [b"plain", b"caf\xc3\xa9", b"\xff", b"a\xe2\x82", b"a\xe2\x28\xa1", b"\xed\xa0\x80", b"\xed\xa0\x80\xed\xb0\x80",
           b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98", b"\xc0\x80", b"\xf4\x90\x80\x80", b"\xff\xfea\x00", b"\xfe\xff\x00a",
           b"a\x00\x00\xd8", b"\x00\xdc", b"\x00\xd8a\x00", b"a\x00b", b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\x11\x00",
           b"\x80\x81abc", b"\x81\x80"]
encodings = ["utf-8", "ascii", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]
for b in samples:
    for enc in encodings:
        row = []
        for h in handlers:
            try:
                row.append(b.decode(enc, h))
            except UnicodeDecodeError as e:
                row.append(("UDE", e.encoding, e.start, e.end, e.reason))
        print(repr(b), enc, row)
try:
    bytearray(b"ab\xffcd").decode()
except UnicodeDecodeError as e:
    print(e, repr(e.object), e.args)
print(b"a\\n\\x41\\u20ac\\U0001f600\\t\\\\\\'\\101\xe9".decode("unicode_escape"), b"a\\u20ac\\n".decode("raw_unicode_escape"))
for bad in [b"\\", b"\\x4", b"\\u12", b"\\U00110000", b"\\x4g"]:
    try:
        print(bad.decode("unicode_escape"))
    except UnicodeDecodeError as e:
        print("UDE", e.start, e.end, e.reason)
print(b"\\x4g\\x41".decode("unicode_escape", "replace"), b"\\u20".decode("raw_unicode_escape", "backslashreplace"))
for call in [lambda: b"\xff".decode("ascii", "xmlcharrefreplace"), lambda: b"\xff".decode("utf-16-le", "xmlcharrefreplace"),
             lambda: b"x".decode("bogus"), lambda: b"x".decode("hex"), lambda: b"\xff".decode("utf-8", "bogus"),
             lambda: b"x".decode(None), lambda: b"x".decode("ascii", 1), lambda: str(b"\xffa", "utf-8", "replace"),
             lambda: str(bytearray(b"ab"), errors="strict"), lambda: str("a", "utf-8"), lambda: str(1, "utf-8")]:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
