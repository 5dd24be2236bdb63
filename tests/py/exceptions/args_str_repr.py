# Exception args, str and repr.
for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(""), KeyError("k"), KeyError(),
          KeyError("a", "b"), IndexError(3), OSError(2, "No such file"), StopIteration(5), SystemExit(3),
          UnicodeError("u"), AssertionError(), NotImplementedError("todo")]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = OSError(2, "No such file", "name.txt")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(FileNotFoundError(2, "No such file or directory", "f").filename, isinstance(OSError(2, "x"), FileNotFoundError))
s = StopIteration("val")
print(s.value, SystemExit(4).code, SystemExit().code, SystemExit(1, 2).code)
ex = ValueError("msg")
ex.args = ("replaced",)
print(str(ex), ex.args)
