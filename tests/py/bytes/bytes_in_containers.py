# bytes as dict keys and set members, sorting.
d = {b"k1": 1, b"k2": 2}
print(d[b"k1"], b"k2" in d, "k2" in d, list(d))
s = sorted({b"b", b"a", b"c"})
print(s, sorted([b"B", b"a", b"_"]), sorted([bytearray(b"z"), b"y"]))
print(b"abc" in [b"abc"], bytearray(b"abc") in [b"abc"], (b"x",) == (bytearray(b"x"),))
