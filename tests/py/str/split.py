# str.split and rsplit.
s = "  a b\tc\n d  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), ",a,".split(","))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"), "aaa".split("a"))
print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "1<>2<>3".split("<>", -1))
print("x".split("x", 0), "a b c".rsplit(" ", 0), "a\x0bb\x1cc\u2003d".split())
print("line1\r\nline2".split("\n"), "one  two".split(" "))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError:", e)
