# Decoding bytes to str.
data = "héllo €😀".encode("utf-8")
print(data, data.decode(), data.decode("utf-8"), len(data), len(data.decode()))
print(b"abc".decode("ascii"), b"\xe9".decode("latin-1"), b"\xff\xfe".decode("utf-8", "replace"))
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"), b"a\xffb".decode("ascii", "replace"))
print(bytearray(b"caf\xc3\xa9").decode(), str(b"x", "ascii"))
for bad in [b"\xff", b"\xc3", b"\xed\xa0\x80", b"abc\x80"]:
    try:
        bad.decode("utf-8")
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e, e.start, e.end, e.encoding, e.reason)
try:
    b"x".decode("bogus")
except LookupError as e:
    print("LookupError:", e)
