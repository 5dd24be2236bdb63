# Multiple items enter left-to-right and exit right-to-left, even on errors.
class CM:
    def __init__(self, n, fail_enter=False):
        self.n = n
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            print("enter fails", self.n)
            raise ValueError(self.n)
        print("enter", self.n)
        return self.n
    def __exit__(self, et, ev, tb):
        print("exit", self.n, et.__name__ if et else None)
with CM(1) as a, CM(2) as b, CM(3) as c:
    print("body", a, b, c)
try:
    with CM(1), CM(2, fail_enter=True), CM(3):
        print("unreachable")
except ValueError as e:
    print("ValueError", e)
try:
    with CM("x"), CM("y"):
        raise KeyError("k")
except KeyError:
    print("KeyError out")
