# Returning from nested loops, any/all short-circuiting, and sentinel loops.
def first_duplicate(xs):
    seen = set()
    for x in xs:
        if x in seen:
            return x
        seen.add(x)
    return None
print(first_duplicate([3, 1, 4, 1, 5]), first_duplicate([1, 2]))
checked = []
def check(x):
    checked.append(x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]), checked)
checked.clear()
print(all(check(x) for x in [3, 1, 5]), checked)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
