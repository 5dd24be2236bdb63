# `in` uses identity first, then ==.
class Weird:
    def __eq__(self, other):
        print("__eq__ called")
        return False
w = Weird()
lst = [w]
print(w in lst)
print(Weird() in lst)
nan = float("nan")
print(nan in [nan], float("nan") in [nan], [nan] == [nan], [float("nan")] == [float("nan")])
print(1 in [1.0], "a" in ["a"], None in [0, False])
