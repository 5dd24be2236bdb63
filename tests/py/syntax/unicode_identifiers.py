# Non-ASCII identifiers (NFKC normalized).
café = "coffee"
print(café)
π = 3.14159
print(π * 2)
Ω = {"ω": 1}
print(Ω["ω"])
def größe(länge):
    return länge * 2
print(größe(21))
class Ζώο:
    όνομα = "γάτα"
print(Ζώο.όνομα, Ζώο.__name__)
变量 = 10
print(变量 + 1)
ﬁle = 7   # the ligature normalizes to 'file'
print(file)
_x1 = 3
print(_x1)
