# is / is not / in / not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
print(2 in a, 3 not in a, "b" in "abc", "bc" in "abc", "" in "abc")
print(1 in {1: 'x'}, 'x' in {1: 'x'}, 1 in (1, 2), 5 in range(10))
print([1] in [[1], 2], (1, 2) in [(1, 2)])
class Box:
    def __contains__(self, item):
        return item == 42
print(42 in Box(), 41 in Box(), 41 not in Box())
try:
    print(1 in 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError:", e)
