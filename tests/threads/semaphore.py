# Semaphore limits how many threads are inside at once; BoundedSemaphore
# refuses to be released above its initial value.
# repeat: 5
import threading

sem = threading.Semaphore(3)
lock = threading.Lock()
inside = [0]
peak = [0]
done = []

def worker(i):
    with sem:
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        s = 0
        for k in range(2000):
            s += k
        with lock:
            inside[0] -= 1
            done.append(i)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done), inside[0], 1 <= peak[0] <= 3)
print(sem.acquire(blocking=False), sem.acquire(timeout=0.01), sem.acquire(False),
      sem.acquire(False))
b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
s0 = threading.Semaphore(0)
print(s0.acquire(timeout=0.01))
s0.release(2)
print(s0.acquire(False), s0.acquire(False), s0.acquire(False))
