# repr of self-referencing containers does not recurse forever.
a = [1]
a.append(a)
d = {"k": 1}
d["self"] = d
t = ([],)
t[0].append(t)
print(a, d, t)
class R:
    def __init__(self):
        self.other = None
    def __repr__(self):
        return f"R(other={self.other!r})"
x = R()
y = R()
x.other = y
print(x)
try:
    y.other = x
    repr(x)
except RecursionError as e:
    print("RecursionError:", str(e).startswith("maximum recursion depth exceeded"))
