# Return values: None by default, multiple values, early returns.
def nothing():
    pass
def early(x):
    if x < 0:
        return "neg"
    for i in range(10):
        if i == x:
            return f"found {i}"
    return "big"
def multi():
    return 1, [2], "three"
print(nothing(), early(-1), early(3), early(50), multi())
a, b, c = multi()
print(a, b, c)
def gen_return():
    try:
        return "try"
    finally:
        print("finally runs before return completes")
print(gen_return())
def loop_return():
    while True:
        return "out of loop"
print(loop_return())
