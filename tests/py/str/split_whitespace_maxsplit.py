# split()/rsplit() on runs of white space with maxsplit: the remainder keeps
# its inner and trailing (split) or leading (rsplit) white space.
texts = ["  a b\tc\n d  ", "a", "   ", "", "a  b", "\u3000x\u3000\u3000y\u2028", "é ü\x85ö", " one two three four "]
for t in texts:
    for n in (-1, 0, 1, 2, 3, 10):
        print(repr(t), n, t.split(None, n), t.rsplit(None, n))
print("a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2), ",".split(","), "".split(","))
print("x--y--z".split("--", 0), "x--y--z".rsplit("--", 1), "abcabc".split("abc"), "aaa".split("aa"))
print("a b".split(maxsplit=1), "a b c".rsplit(sep=" ", maxsplit=1), "a\nb\r\nc\rd".splitlines(keepends=True))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(maxsplit="2"), lambda: "a".split(x=1),
            lambda: "a".split(",", 2 ** 70), lambda: "a".splitlines("x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
