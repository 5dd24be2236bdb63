# range accepts __index__ objects and bools; rejects floats.
class N:
    def __index__(self):
        return 4
print(list(range(N())), list(range(True, N())), range(N())[N() - 1] if False else range(N())[-1])
for bad in [(1.0,), ("a",), (1, 2, 1.5), (None,)]:
    try:
        range(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    range()
except TypeError as e:
    print("TypeError:", e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
