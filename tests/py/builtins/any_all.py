# any and all.
print(any([]), all([]), any([0, 0]), any([0, 1]), all([1, 1]), all([1, 0]), any("x"), all(""), any([None, ""]))
print(all(x > 0 for x in [1, 2, 3]), any(x > 2 for x in [1, 2]), all([[]]), any([[]]), all([[0]]))
def gen():
    yield 1
    print("not reached after short-circuit")
    yield 0
print(any(gen()))
try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
class BadBool:
    def __bool__(self):
        raise ValueError("no truth")
try:
    all([BadBool()])
except ValueError as e:
    print("ValueError:", e)
