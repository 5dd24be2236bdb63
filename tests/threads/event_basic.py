# Event: is_set, wait with timeout (False while unset), set wakes every waiter,
# clear, and wait returning True once set.
import threading

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
woke = []
lock = threading.Lock()

def waiter(i):
    r = ev.wait()
    with lock:
        woke.append((i, r))

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
print("waiters alive:", sum(t.is_alive() for t in threads))
ev.set()
for t in threads:
    t.join()
print(sorted(woke), ev.is_set(), ev.wait(0))
ev.clear()
print(ev.is_set(), ev.wait(timeout=0.005))
