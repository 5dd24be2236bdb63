# Leaving a with block via return, break, continue still calls __exit__.
class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
    def __exit__(self, *a):
        print("exit", self.tag)
def ret():
    with CM("ret"):
        return "returned"
print(ret())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("done")
def gen():
    with CM("gen"):
        yield 1
        yield 2
g = gen()
print(next(g))
print(list(g))
