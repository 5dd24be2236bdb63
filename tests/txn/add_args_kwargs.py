# add() passes positional and keyword arguments through unchanged, including
# keywords named like add's own parameter, bound methods and builtins.
import transaction

log = []

def show(a, b=0, *rest, f=None, **kw):
    print("show", a, b, rest, f, sorted(kw.items()))

class Box:
    def __init__(self, name):
        self.name = name
        self.items = []

    def put(self, x, times=1):
        for _ in range(times):
            self.items.append(x)
        print(self.name, "put", x, times, len(self.items))

box = Box("box")
transaction.add(show, 1)
transaction.add(show, 1, 2, 3, 4)
transaction.add(show, a=5, b=6)
transaction.add(show, 7, f="eff", z=1, y=2)
transaction.add(box.put, "x")
transaction.add(box.put, "y", times=3)
transaction.add(log.append, "appended")
transaction.add(log.extend, ["e1", "e2"])
transaction.add(print, "built-in", "print", sep="-", end="!\n")
transaction.add(print)
transaction.add(lambda *a, **k: print("lambda", a, sorted(k)), 1, 2, q=3, p=4)
args = [10, 20]
kwargs = {"z": 30}
shared = ["before"]
transaction.add(show, *args, **kwargs)
transaction.add(show, shared)
args.append(99)        # the arguments were unpacked when added: no effect
kwargs["z"] = 40       # no effect either
shared.append("after") # but an argument object is passed by reference
transaction.run()
print(box.items, log)
