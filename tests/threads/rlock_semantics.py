# RLock: re-entrant acquire by the owner, other threads blocked until the
# last release, releasing an RLock one does not own.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r.acquire(blocking=False))
r.release()
r.release()
seen = []

def other():
    seen.append(r.acquire(timeout=0.02))
    seen.append("tried")

th = threading.Thread(target=other)
th.start()
th.join()
print("while held by main:", seen)
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

def take_and_keep():
    seen.append(r.acquire())

th = threading.Thread(target=take_and_keep)
th.start()
th.join()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(seen, r.acquire(blocking=False))

depth = []

def recurse(n):
    with r2:
        depth.append(n)
        if n:
            recurse(n - 1)

r2 = threading.RLock()
threads = [threading.Thread(target=recurse, args=(5,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(depth), sorted(set(depth)))
