# strip, lstrip, rstrip with and without chars.
s = " \t\n hello world \r\n\x0b\x0c "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "abcHIcba".lstrip("cba"), "abcHIcba".rstrip("ab"))
print(repr("".strip()), repr("   ".strip()), "hi".strip(""), "hi".strip(None))
print(repr("\u2003 unicode spaces \u3000".strip()), repr("\xa0x\xa0".strip()))
print("www.example.com".strip("cmowz."), "  mixed  ".rstrip(" d"))
try:
    "x".strip(5)
except TypeError as e:
    print("TypeError:", e)
