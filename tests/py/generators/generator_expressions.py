# Generator expressions.
g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(list((i, j) for i in range(3) for j in range(i)), any(c.isdigit() for c in "ab3"))
print(sorted(x % 3 for x in range(7)), "".join(c.upper() for c in "hi"), dict((k, k * 2) for k in "ab"))
nested = ((a, (b for b in range(a))) for a in range(3))
print([(a, list(bs)) for a, bs in nested])
x = 10
gen = (x + i for i in range(3))
x = 100
print(list(gen))
gen2 = (i for i in range(x // 50))
x = 1000
print(list(gen2))
try:
    (1 / y for y in [0])
    print("creating does not evaluate the body")
    list(1 / y for y in [0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (z for z in 5)
except TypeError as e:
    print("TypeError:", e)
