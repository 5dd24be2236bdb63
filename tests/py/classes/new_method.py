# __new__ controls instance creation.
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            print("creating")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), Pos(3) + 1, type(Pos(-1)).__name__)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(Other())
class UpperStr(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(UpperStr("abc"), len(UpperStr("xy")), isinstance(UpperStr("q"), str))
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError:", e)
