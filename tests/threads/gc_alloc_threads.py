# Threads allocate many short-lived objects at the same time (lists, dicts,
# cycles), so the collector runs while all of them are busy; each thread
# returns a checksum of what it built.
# repeat: 3
import threading

class Node:
    def __init__(self, v):
        self.v = v
        self.peer = None

out = [None] * 4

def churn(t):
    acc = 0
    for i in range(3000):
        a = Node(i)
        b = Node(t)
        a.peer = b
        b.peer = a
        lst = [a, b, {"i": i, "t": t}, (i, str(i))]
        acc += lst[0].v + lst[1].peer.v + len(lst[3][1])
    out[t] = acc

ts = [threading.Thread(target=churn, args=(t,)) for t in range(4)]
for th in ts:
    th.start()
for th in ts:
    th.join()
print(out)
