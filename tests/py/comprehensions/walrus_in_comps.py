# Assignment expressions inside comprehensions bind in the enclosing scope.
data = [5, 12, 3, 18, 7]
big = [y for x in data if (y := x * 2) > 10]
print(big, y)
total = 0
running = [total := total + x for x in data]
print(running, total)
def f():
    [last := n for n in range(4)]
    return last
print(f())
print([m for v in ["a1", "bb", "c3"] if (m := v[-1]).isdigit()])
