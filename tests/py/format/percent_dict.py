# %-formatting with a mapping.
d = {"name": "Ada", "age": 36, "pi": 3.14159, "x": None}
print("%(name)s is %(age)d, pi=%(pi).2f, x=%(x)r" % d)
print("%(name)-10s|%(age)05d|%(pi)+.3e" % d)
print("%(name)s %(name)s %%" % d)
class M:
    def __getitem__(self, k):
        return k.upper()
print("%(abc)s-%(x y)s" % M())
try:
    "%(missing)s" % d
except KeyError as e:
    print("KeyError:", e)
try:
    "%(name)s %s" % d
except TypeError as e:
    print("TypeError:", e)
try:
    "%(name" % d
except ValueError as e:
    print("ValueError:", e)
