# Threads insert distinct keys into one dict and one set, and delete some of
# their own keys; the final contents are checked after join.
# repeat: 6
import threading

d = {}
s = set()

def worker(t):
    for i in range(400):
        k = t * 1000 + i
        d[k] = (t, i)
        s.add(k)
        if i % 4 == 0:
            del d[k]
            s.discard(k)

threads = [threading.Thread(target=worker, args=(t,)) for t in range(6)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(d), len(s), sorted(d) == sorted(s))
print(sum(d), sorted(d)[:5], sorted(s)[-3:])
print(all(d[k] == (k // 1000, k % 1000) for k in d))
