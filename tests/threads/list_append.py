# N threads each append M items to one shared list: nothing is lost, and each
# thread's own items stay in its order.
# repeat: 6
import threading

N, M = 8, 500
shared = []

def worker(t):
    for i in range(M):
        shared.append((t, i))

threads = [threading.Thread(target=worker, args=(t,)) for t in range(N)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(shared))
print(sorted(shared) == [(t, i) for t in range(N) for i in range(M)])
print(all([i for u, i in shared if u == t] == list(range(M)) for t in range(N)))
