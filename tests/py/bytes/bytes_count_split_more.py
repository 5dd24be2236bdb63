# Searching bytes with ints and ranges.
data = b"one two three two one"
print(data.count(b"two"), data.count(ord("o")), data.find(b"two", 5), data.rfind(b"one", 0, 10), data.find(116))
print(data.split(b" ", 2), data.rsplit(b" ", 2), data.rsplit(maxsplit=1), data.split(None))
print(data.startswith(b"two", 4), data.endswith(b"two", 0, 17), data.index(b"t", -8))
print(b"a\x00b\x00".split(b"\x00"), b"\x00\x00".strip(b"\x00"), b"  ".split())
