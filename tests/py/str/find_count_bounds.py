# find/rfind/index/rindex/count/startswith/endswith: start/end arguments
# (None, negative, out of range, __index__), empty needles, non-ASCII text.
class Two:
    def __index__(self):
        return 2
for s in ["abcabcab", "äbcäbcä😀", ""]:
    for sub in ["", "b", "ab", "cä", "😀", "zz"]:
        row = []
        for a, b in [(None, None), (0, None), (2, None), (-3, None), (1, -1), (5, 2), (100, None), (-100, 3), (Two(), 7), (3, 3)]:
            row.append((s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b),
                        s.startswith(sub, a, b), s.endswith(sub, a, b)))
        print(repr(s), repr(sub), row)
print("abc".startswith(("x", "a")), "abc".endswith(("c",), 0, 2), "abc".startswith(()))
for bad in [lambda: "a".find(), lambda: "a".find("a", 1, 2, 3), lambda: "a".find(1), lambda: "a".find("a", 1.5),
            lambda: "a".index("b"), lambda: "a".rindex("b", 0), lambda: "a".count(None),
            lambda: "a".startswith(1), lambda: "a".startswith(("a", 1)), lambda: "a".endswith(["a"]),
            lambda: "abc".index("c", 0, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
