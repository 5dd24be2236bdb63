# In-place operators fall back to the binary operator.
class N:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("__add__")
        return N(self.v + o)
    def __imul__(self, o):
        print("__imul__")
        self.v *= o
        return self
    def __repr__(self):
        return f"N({self.v})"
n = N(1)
orig = n
n += 5
print(n, n is orig)
n *= 3
print(n)
class ImulNI:
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        return "fell back to __mul__"
x = ImulNI()
x *= 2
print(x)
class NoOps:
    pass
y = NoOps()
try:
    y += 1
except TypeError as e:
    print("TypeError:", e)
