# str.encode with codecs and error handlers.
s = "héllo wörld €😀"
print(s.encode(), s.encode("utf-8"), len(s.encode()), len(s))
print("abc".encode("ascii"), s.encode("ascii", "ignore"), s.encode("ascii", "replace"))
print(s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
print("é".encode("latin-1"), "é".encode("latin1"), "é".encode("iso-8859-1"), "A".encode("us-ascii"))
print("x".encode("UTF8"), "x".encode(encoding="utf_8"), "A😀".encode("utf-8"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("\ud800".encode("utf-8", "surrogatepass"), "a\ud800b".encode("utf-8", "replace"))
