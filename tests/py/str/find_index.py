# find, rfind, index, rindex with ranges.
s = "hello world, hello"
print(s.find("hello"), s.rfind("hello"), s.find("o"), s.rfind("o"), s.find("zz"), s.rfind("zz"))
print(s.find("o", 5), s.find("o", 5, 7), s.find("o", -5), s.rfind("o", 0, 5), s.find("", 3), s.rfind(""))
print(s.index("world"), s.rindex("l"), s.find("h", 100), s.find("", 100), len(s))
print("abc".find("c", -1), "abc".find("a", -100), "abc".find("", 3), "abc".find("", 4))
for meth, args in [("index", ("zz",)), ("rindex", ("zz",)), ("index", ("h", 1, 5))]:
    try:
        getattr(s, meth)(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    s.find(5)
except TypeError as e:
    print("TypeError:", e)
print("日本語テキスト".find("テ"), "日本語".index("語"), "a😀b😀".rfind("😀"))
