# Counters protected by a Lock reach the exact total; the read-modify-write is
# spread over several statements so it would lose updates without the lock.
# repeat: 6
import threading

lock = threading.Lock()
counter = {"n": 0, "sum": 0}

def worker(t):
    for i in range(1500):
        with lock:
            n = counter["n"]
            s = counter["sum"]
            counter["n"] = n + 1
            counter["sum"] = s + t

threads = [threading.Thread(target=worker, args=(t,)) for t in range(6)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(counter)
