# yield basics and generator objects.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count(3)
print(type(g).__name__, next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count(5)), sum(count(101)), list(count(0)))
def mixed():
    yield 1
    yield "two"
    yield [3]
print(list(mixed()), iter(g) is g)
for x in count(2):
    print("for", x)
print(next(count(0), "default"))
