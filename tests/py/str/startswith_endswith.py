# startswith / endswith with tuples and ranges.
s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.endswith(".gz"), s.endswith(".tar"))
print(s.endswith((".zip", ".gz")), s.startswith(("x", "y")), s.startswith(()), s.endswith(""))
print(s.startswith("name", 4), s.startswith("name", 4, 7), s.endswith("tar", 0, 12), s.endswith("tar", -6, -3))
print("".startswith(""), "".endswith("a"), "abc".startswith("", 3), "abc".startswith("", 4))
try:
    s.startswith(["file"])
except TypeError as e:
    print("TypeError:", e)
try:
    s.endswith(("a", 1))
except TypeError as e:
    print("TypeError:", e)
