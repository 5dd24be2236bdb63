# Width counts code points, not display columns.
for s in ["abc", "é", "e\u0301", "日本", "😀"]:
    print(repr(format(s, "*^8")), repr(f"{s:>5}"), repr("%-5s|" % s))
