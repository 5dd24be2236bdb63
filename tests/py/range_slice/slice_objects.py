# slice objects and indices().
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), slice(1, 2) == slice(1, 2))
print(s.indices(5), slice(None).indices(7), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
print(slice(100, -100, -3).indices(10), slice(-100, 100).indices(3))
data = list(range(10))
print(data[s], "abcdefghij"[s], tuple(data)[slice(3)], data[slice(None, None, -2)])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    hash(slice(1))
    print("slices are hashable in 3.12+")
except TypeError as e:
    print("TypeError:", e)
class Grab:
    def __getitem__(self, k):
        return k
g = Grab()
print(g[1:2], g[::3], g[1:2, 3], g[:], type(g[1:]).__name__)
