# A hand-written blocking queue (Lock + two Conditions) used by a pool of
# workers: results gathered in a dict, sentinel shutdown.
# repeat: 5
import threading

class BQueue:
    def __init__(self, cap):
        self.items = []
        self.cap = cap
        self.lock = threading.Lock()
        self.not_empty = threading.Condition(self.lock)
        self.not_full = threading.Condition(self.lock)

    def put(self, x):
        with self.not_full:
            while len(self.items) >= self.cap:
                self.not_full.wait()
            self.items.append(x)
            self.not_empty.notify()

    def get(self):
        with self.not_empty:
            while not self.items:
                self.not_empty.wait()
            x = self.items.pop(0)
            self.not_full.notify()
            return x

jobs = BQueue(4)
results = {}
rlock = threading.Lock()

def worker():
    while True:
        n = jobs.get()
        if n is None:
            return
        v = 1
        for k in range(2, n % 20 + 2):
            v *= k
        with rlock:
            results[n] = v

pool = [threading.Thread(target=worker) for _ in range(4)]
for t in pool:
    t.start()
for n in range(200):
    jobs.put(n)
for _ in pool:
    jobs.put(None)
for t in pool:
    t.join()
print(len(results), results[19], results[199] == results[19], sum(results.values()) % 1000003)
