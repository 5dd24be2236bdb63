# Several threads increment shared counters (a global, an attribute, a dict
# entry) inside `with transaction.atomic:`; none of the increments is lost.
# repeat: 6
import threading
import transaction

class C:
    pass

c = C()
c.n = 0
d = {"n": 0}
total = 0

def worker():
    global total
    for _ in range(1000):
        with transaction.atomic:
            t = total
            c.n = c.n + 1
            d["n"] = d["n"] + 1
            total = t + 1

ts = [threading.Thread(target=worker) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total, c.n, d["n"])
