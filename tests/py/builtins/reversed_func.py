# reversed on sequences and objects with __reversed__.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(4))), list(reversed({1: 0, 2: 0})))
class R:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(R())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
for bad in [{1, 2}, 5, iter([1]), (x for x in [])]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
r = reversed([1, 2])
print(type(r).__name__, next(r), next(r), next(r, None))
