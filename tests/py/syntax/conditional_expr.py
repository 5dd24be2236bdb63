# Conditional expressions.
for x in (-1, 0, 1):
    print("neg" if x < 0 else "zero" if x == 0 else "pos")
def side(name, val):
    print("eval", name)
    return val
print(side("a", 1) if side("c", True) else side("b", 2))
print(side("a", 1) if side("c", False) else side("b", 2))
f = (lambda x: "even" if x % 2 == 0 else "odd")
print([f(i) for i in range(4)])
print((1 if True else 2) + 10)
print([i if i % 2 else -i for i in range(5)])
