# replace with counts and empty patterns; maketrans/translate with every
# kind of table value; the errors of both.
s = "héllo wörld"
print(s.replace("", "-"), s.replace("", "-", 3), s.replace("l", ""), s.replace("l", "L", 2), s.replace("ö", "oe"))
print(s.replace("x", "y") is s or s.replace("x", "y") == s, "aaaa".replace("aa", "b"), "".replace("", "x"), s.replace("l", "_", 0))
print("abc".translate({97: "A", 98: None, 99: 0x20ac}), "abc".translate(str.maketrans("ab", "xy", "c")))
print("héllo".translate(str.maketrans({"é": "e", "l": "L"})), "abc".translate([ord("z")] * 99), "xyz".translate({}))
print(str.maketrans({1: 2, "a": "bc"}), str.maketrans("ab", "cd"), str.maketrans("", "", "xy"))
class Table:
    def __getitem__(self, k):
        if k == ord("a"):
            raise LookupError
        return k + 1
print("abc".translate(Table()), "abc".translate({97: True}))
for bad in [lambda: "a".replace(1, "b"), lambda: "a".replace("a", None), lambda: "a".replace("a", "b", "1"),
            lambda: "a".translate({97: -1}), lambda: "a".translate({97: 1.5}), lambda: "a".translate(None),
            lambda: str.maketrans(), lambda: str.maketrans(1), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans({"ab": 1}), lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", 1),
            lambda: str.maketrans("a", "bc"), lambda: str.maketrans("a", "b", 3), lambda: str.maketrans("a", "b", "c", "d")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
