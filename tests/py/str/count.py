# str.count.
print("banana".count("a"), "banana".count("an"), "banana".count("ana"), "banana".count(""))
print("banana".count("a", 2), "banana".count("a", 2, 4), "banana".count("a", -2), "".count(""), "".count("a"))
print("aaaa".count("aa"), "abc".count("", 1, 2), "xyz".count("", 5), "😀😀".count("😀"))
try:
    "x".count()
except TypeError as e:
    print("TypeError:", e)
