# A pipeline of threads ordered by events: thread k waits for event k, appends,
# then sets event k+1, so the appends happen in a fixed order although the
# threads are started in reverse.
# repeat: 5
import threading

N = 10
events = [threading.Event() for _ in range(N + 1)]
order = []

def stage(k):
    events[k].wait()
    order.append(k)
    print("stage", k)
    events[k + 1].set()

threads = [threading.Thread(target=stage, args=(k,)) for k in reversed(range(N))]
for t in threads:
    t.start()
events[0].set()
events[N].wait()
for t in threads:
    t.join()
print(order)
