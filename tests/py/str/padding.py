# center, ljust, rjust, zfill.
for w in (0, 3, 8, 9):
    print(repr("abc".center(w)), repr("abc".ljust(w)), repr("abc".rjust(w)), repr("abc".center(w, "*")))
print("ab".center(5, "-"), "ab".center(6, "-"), "a".center(4, "."), "abc".center(6, "."))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "".zfill(3), "abc".zfill(5), "-".zfill(3), "12345".zfill(3))
print("é".center(5, "ü"), "日本".rjust(5, "＊"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "x".ljust("5")
except TypeError as e:
    print("TypeError:", e)
