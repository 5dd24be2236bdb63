# __call__.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, times=1):
        return x * self.k * times
m = Multiplier(3)
print(m(2), m(2, times=2), callable(m), callable(Multiplier), callable(5), list(map(m, [1, 2])))
class Counter:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
c = Counter()
c(); c()
print(c(), c.calls)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
try:
    m()
except TypeError as e:
    print("TypeError:", e)
