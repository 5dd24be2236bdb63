# Barrier: all parties pass together in rounds, wait() returns distinct
# indices, the action runs once per round, abort breaks it.
import threading

rounds = []
b = threading.Barrier(4, action=lambda: rounds.append("round"))
lock = threading.Lock()
log = []

def worker(i):
    for r in range(3):
        idx = b.wait()
        with lock:
            log.append((r, idx))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(rounds)
print([sorted(idx for r2, idx in log if r2 == r) for r in range(3)])
print(b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)
b2.reset()
print(b2.broken)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken after abort")
