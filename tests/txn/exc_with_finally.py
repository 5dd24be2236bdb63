# A failing transaction's finally blocks and context managers' __exit__ run
# (and print) before the exception leaves run(); their effects are kept.
import transaction

class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        cleaned.append(self.name)
        return False

cleaned = []

def work(i):
    with Guard("g%d" % i):
        try:
            if i == 2:
                raise OSError("disk %d" % i)
            print("body", i)
        finally:
            print("finally", i)

for i in range(5):
    transaction.add(work, i)
try:
    transaction.run()
except OSError as e:
    print("caught", type(e).__name__, e)
print(cleaned)
transaction.run()
print(cleaned)
