# Subclassing builtin types: list, dict, int, str, Exception.
class MyList(list):
    def sum(self):
        return sum(self)
class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
class Money(int):
    def __repr__(self):
        return f"${int(self)}"
    def __add__(self, o):
        return Money(int(self) + int(o))
class Tag(str):
    def wrap(self):
        return f"<{self}>"
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), ml[1:], type(ml[1:]).__name__)
md = MyDict(a=1)
print(md["A"], md.get("A"), dict(md))
m = Money(5) + Money(7)
print(m, [m], m * 2, type(m * 2).__name__)
print(Tag("b").wrap(), Tag("x") + "y", Tag("abc").upper())
try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, e.code, e.args, repr(e), isinstance(e, Exception))
