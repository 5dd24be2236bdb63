# threading.enumerate and active_count while workers are held at a barrier
# point, and after they finish.
import threading

gate = threading.Event()
started = threading.Semaphore(0)

def hold():
    started.release()
    gate.wait()

ts = [threading.Thread(target=hold, name="h%d" % i) for i in range(5)]
for t in ts:
    t.start()
for _ in ts:
    started.acquire()
print(threading.active_count(), len(threading.enumerate()))
print(sorted(t.name for t in threading.enumerate() if t.name.startswith("h")))
print(threading.main_thread() in threading.enumerate())
gate.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
