# `with transaction.atomic:` in several threads makes a read-modify-write
# atomic without any lock: the read and the write are far apart (a loop and
# a call in between), yet no update is lost.
# repeat: 6
import threading
import transaction

state = {"count": 0, "log": []}

def slow_identity(v):
    s = 0
    for k in range(30):
        s += k
    return v + s - 435

def worker(t):
    for i in range(200):
        with transaction.atomic:
            v = state["count"]
            v = slow_identity(v)
            state["count"] = v + 1
            state["log"].append(t)

threads = [threading.Thread(target=worker, args=(t,)) for t in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(state["count"], len(state["log"]))
print(sorted(state["log"].count(t) for t in range(4)))
