# Iterating ranges, range in for loops with modification of the loop var.
for i in range(3):
    print(i)
    i = 100
it = iter(range(3))
print(next(it), list(it), list(it))
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(1, 101)), list(zip(range(3), range(10, 13))))
r = range(5)
print([x for x in r if x % 2], list(map(lambda x: x * x, r)), list(enumerate(range(2, 4))))
print(list(range(10, 0, -3)), list(range(-10, -20, -4)), list(range(0, -1)))
