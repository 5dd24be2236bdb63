# Less common str methods and constructors.
print(str(), str(123), str(1.5), str([1, "a"]), str(None), str(b"bytes"), str(b"caf\xc3\xa9", "utf-8"))
print(str(b"\xff", "utf-8", "replace"), str(b"abc", encoding="ascii"), str(object=42))
print("abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "a".__add__("b"), "a".__mul__(3))
print("x".__eq__(1), "x".__lt__("y"), str.__name__, "".join.__name__)
print("%s-%s" % ("a", "b"), "abc".__mod__(()) if False else "mod ok")
print("Hello".index("l"), "hello".title().swapcase(), "a b c".split()[::-1])
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    str(1, "utf-8")
except TypeError as e:
    print("TypeError:", e)
