# iter() and next(), including the two-argument form and defaults.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
values = [5, 4, 3, 0, 9]
pos = [0]
def reader():
    v = values[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
for bad in [lambda: iter(5), lambda: iter(5, 1), lambda: next([1]), lambda: iter()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
