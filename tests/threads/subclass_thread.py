# Subclassing Thread: run() overridden, attributes set in __init__ and read
# after join, start() calling the subclass's run in the new thread.
# repeat: 3
import threading

class Summer(threading.Thread):
    def __init__(self, lo, hi):
        threading.Thread.__init__(self, name="sum-%d-%d" % (lo, hi))
        self.lo, self.hi = lo, hi
        self.result = None
        self.ran_in = None

    def run(self):
        self.ran_in = threading.current_thread().name
        self.result = sum(i * i for i in range(self.lo, self.hi))

parts = [Summer(k * 1000, (k + 1) * 1000) for k in range(8)]
for p in parts:
    p.start()
for p in parts:
    p.join()
print([p.result for p in parts[:3]], sum(p.result for p in parts))
print(sum(i * i for i in range(8000)))
print([p.ran_in for p in parts[:3]])

class Failing(threading.Thread):
    def run(self):
        self.value = 1 // 1
        super().run()

f = Failing(target=lambda: None)
f.start()
f.join()
print(f.value)
