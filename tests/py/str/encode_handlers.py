# str.encode for utf-8/ascii/latin-1/cp1252/utf-16/utf-32 and the escapes,
# under every error handler, with UnicodeEncodeError details.
texts = ["plain", "héllo €", "😀 x", "a\udc80b", "\ud800\udfff", "ÿĀ\x80", "tab\t'q\"\\"]
encodings = ["utf-8", "ascii", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be",
             "unicode_escape", "raw_unicode_escape"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]
for t in texts:
    for enc in encodings:
        row = []
        for h in handlers:
            try:
                row.append(t.encode(enc, h))
            except UnicodeEncodeError as e:
                row.append(("UEE", e.encoding, e.start, e.end, e.reason))
        print(repr(t), enc, row)
try:
    "aé€".encode("ascii")
except UnicodeEncodeError as e:
    print(e, repr(e.object), e.args)
for call in [lambda: "x".encode("utf-8", "bogus"), lambda: "é".encode("ascii", "bogus"),
             lambda: "é".encode("utf-16-le", "bogus"), lambda: "x".encode("no-such"), lambda: "x".encode("rot13"),
             lambda: "x".encode(1), lambda: "x".encode("utf-8", None), lambda: "x".encode(encoding=None)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("x".encode("UTF8"), "x".encode("Latin_1"), "é".encode("iso8859-1"), "é".encode(" utf 8 "), "€".encode("windows-1252"))
