# __len__, __getitem__, __setitem__, __delitem__, __contains__ incl. slices.
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            print("slice", i)
            return Seq(*self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.items[i] = v
    def __delitem__(self, i):
        print("del", i)
        del self.items[i]
    def __contains__(self, x):
        print("contains", x)
        return x in self.items
    def __repr__(self):
        return f"Seq{tuple(self.items)}"
s = Seq(1, 2, 3, 4, 5)
print(len(s), s[0], s[-1], s[1:3], s[::2], 3 in s, 9 not in s)
s[0] = 10
s[1:3] = [7, 7]
del s[0]
del s[::2]
print(s, bool(s), bool(Seq()))
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
