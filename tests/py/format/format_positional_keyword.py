# str.format positional and keyword fields.
print("{}, {}, {}".format("a", "b", "c"), "{2}, {1}, {0}".format("a", "b", "c"), "{0}{1}{0}".format("ab", "cd"))
print("{x} and {y}".format(x=1, y=2), "{0} {k}".format(1, k=2), "{} {k} {}".format(1, 2, k=3))
args = ["p", "q"]
kw = {"a": 1, "b": 2}
print("{0}{1}".format(*args), "{a}{b}".format(**kw), "{0}-{a}".format(*args, **kw))
print("{0!r:>8}".format("x"), "{!s:^7}".format(1.5), "{0:{1}}".format(5, "04d"), "{:{}}".format("x", 4) + "|")
print("{:{fill}{align}{width}}".format("mid", fill="*", align="^", width=9))
print("{}".format({"d": 1}), "{}".format([1, "a"]), "{}".format(None), "{:}".format(3))
print("{0[a]}".format({"a": 5}), "{0[0][1]}".format([[1, 2]]), "{x.imag}".format(x=2j), "{0.__class__.__name__}".format(1))
print("{0[-1]}".format({"-1": "str key"}), "{0[1]}".format("abc"))
