# Set algebra with operators and methods.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference(range(3, 7)))
print(a <= a, a < a, {1} < a, a > {1, 2}, a >= b, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
print(a.union(), a.intersection(), set().union(*[{1}, {2}, {3}]))
