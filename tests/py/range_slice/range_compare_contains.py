# range membership is O(1) for ints and compares by value for others.
r = range(0, 10 ** 12, 7)
print(7 * 10 ** 10 in r, 7 * 10 ** 10 + 1 in r, -7 in r, r.count(14), r.index(21))
class Eq:
    def __eq__(self, other):
        return other == 3
print(Eq() in range(5), Eq() in range(3))
print(range(0, 5, 2) == range(0, 6, 2), range(0, 3) == [0, 1, 2], list(range(0, 3)) == [0, 1, 2])
