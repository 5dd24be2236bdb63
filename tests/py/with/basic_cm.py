# Basic context manager protocol and ordering.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
with CM("one") as c:
    print("body", c.name)
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("outer"):
    with CM("inner"):
        print("nested body")
with (CM("p1") as p1,
      CM("p2") as p2):
    print("parenthesized", p1.name, p2.name)
