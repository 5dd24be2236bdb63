# __getattr__ is called only for missing attributes; __getattribute__ for all.
class Lazy:
    real = "present"
    def __getattr__(self, name):
        if name.startswith("x"):
            return f"computed {name}"
        raise AttributeError(f"no {name!r} here")
l = Lazy()
print(l.real, l.xyz, getattr(l, "xa"), hasattr(l, "other"), getattr(l, "other", "dflt"))
try:
    l.other
except AttributeError as e:
    print("AttributeError:", e)
class Spy:
    def __init__(self):
        self.val = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
s = Spy()
print(s.val)
try:
    s.missing
except AttributeError as e:
    print("AttributeError:", e)
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
print(Both().boom, Both().other)
