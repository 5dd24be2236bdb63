# threading.local: every thread sees its own attributes; a subclass's __init__
# runs once per thread with the constructor's arguments.
# repeat: 5
import threading

data = threading.local()
data.x = "main"

class Ctx(threading.local):
    def __init__(self, base):
        self.base = base
        self.items = []

ctx = Ctx(10)
results = {}
lock = threading.Lock()

def worker(t):
    had = hasattr(data, "x")
    data.x = t
    for i in range(100):
        ctx.items.append(i + ctx.base + t)
    with lock:
        results[t] = (had, data.x, len(ctx.items), sum(ctx.items))

threads = [threading.Thread(target=worker, args=(t,)) for t in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(data.x, ctx.base, ctx.items)
for t in sorted(results):
    print(t, results[t])
try:
    del data.x
    print(data.x)
except AttributeError:
    print("AttributeError after del")
