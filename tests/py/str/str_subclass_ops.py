# Operations on str subclasses return plain str.
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
m = MyStr("hello")
print(m, m.shout(), type(m).__name__, type(m + "x").__name__, type(m.upper()).__name__, type(m[1:]).__name__)
print(m == "hello", isinstance(m, str), len(m), m * 2, type(str(m)).__name__)
class Loud(str):
    def __str__(self):
        return "LOUD"
    def __repr__(self):
        return "Loud()"
l = Loud("quiet")
print(l, str(l), repr(l), "%s" % l, f"{l}", "{}".format(l), l + "", [l])
