# str() of UnicodeDecodeError/UnicodeEncodeError for single and multiple
# positions, and their attributes, for the built-in codecs.
cases = [lambda: b"\xff".decode("utf-8"), lambda: b"ab\xe2\x82".decode("utf-8"), lambda: b"a\xed\xa0\x80".decode("utf-8"),
         lambda: b"\x80\x81".decode("ascii"), lambda: b"\x81".decode("cp1252"), lambda: b"\x00\xd8".decode("utf-16-le"),
         lambda: b"\xff\xfea".decode("utf-16"), lambda: b"\x00\x00\x11\x00".decode("utf-32-le"), lambda: b"a\\x4".decode("unicode_escape"),
         lambda: "é".encode("ascii"), lambda: "aéü".encode("ascii"), lambda: "😀".encode("latin-1"), lambda: "\u20ac".encode("latin-1"),
         lambda: "a\ud800\udfffb".encode("utf-8"), lambda: "\ud800".encode("utf-16"), lambda: "\u0100".encode("cp1252"),
         lambda: "x\udc80".encode("ascii", "surrogatepass")]
for c in cases:
    try:
        c()
    except UnicodeError as e:
        print(type(e).__name__, "|", e, "|", e.encoding, e.start, e.end, e.reason, type(e.object).__name__, len(e.object))
e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "custom reason")
print(e, e.args)
e = UnicodeEncodeError("ascii", "\U0001f600x", 0, 1, "nope")
print(e, e.args, isinstance(e, ValueError), issubclass(UnicodeEncodeError, UnicodeError))
