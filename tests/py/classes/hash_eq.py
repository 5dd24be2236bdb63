# __hash__ and __eq__ interplay.
class NoEq:
    pass
a = NoEq()
print(hash(a) == hash(a), a in {a}, len({NoEq(), NoEq()}))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print("TypeError:", e)
class Both:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Both) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
print(len({Both(1), Both(1), Both(2)}), {Both(3): "x"}[Both(3)])
class Explicit:
    __hash__ = None
try:
    hash(Explicit())
except TypeError as e:
    print("TypeError:", e)
class Inherit(Both):
    def __eq__(self, o):
        return False
try:
    hash(Inherit(1))
except TypeError as e:
    print("TypeError:", e)
class KeepHash(Both):
    def __eq__(self, o):
        return False
    __hash__ = Both.__hash__
print(hash(KeepHash(5)) == hash(5))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
