# __format__ on user classes.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
m = Money(12345)
print(format(m), format(m, "c"), format(m, ",.1f"), f"{m}", f"{m:c}", "{:>12}".format(m), "{0:.0f}".format(m))
print(f"{m!s}"[:7] == "<__main")
class Plain:
    pass
p = Plain()
try:
    format(p, "x")
except TypeError as e:
    print("TypeError:", e)
print(format(p, "") == str(p))
class BadFormat:
    def __format__(self, spec):
        return 42
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
class Str:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
s = Str()
print(format(s), f"{s}", f"{s!r}", f"{s!s:>6}", "{}".format(s), "{!r}".format(s), "%s %r" % (s, s))
class SubInt(int):
    def __format__(self, spec):
        return "SubInt(" + super().__format__(spec) + ")"
print(f"{SubInt(5):03d}", format(SubInt(255), "x"))
