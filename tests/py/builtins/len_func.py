# len() on builtin and user objects.
print(len(""), len("héllo"), len(b"ab"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(frozenset()))
print(len(range(0, 100, 7)), len("😀"), len(bytearray(5)), len({}.keys()), len(dict(a=1).items()))
class L:
    def __len__(self):
        return 7
print(len(L()))
for bad in [5, 1.5, None, iter([]), (x for x in [])]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)
class Flt:
    def __len__(self):
        return 1.0
try:
    len(Flt())
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
