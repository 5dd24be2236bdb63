# __iter__/__next__ and iteration via __getitem__.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)))
c = Countdown(2)
print(iter(c) is c, next(c), next(c), next(c, "done"))
class Legacy:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Legacy()), 20 in Legacy(), 5 in Legacy(), list(zip(Legacy(), "abc")))
class Reiterable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        yield from self.data
r = Reiterable([1, 2])
print(list(r), list(r), tuple(r))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class NotIter:
    pass
try:
    for _ in NotIter():
        pass
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    iter(NoNext())
except TypeError as e:
    print("TypeError:", e)
