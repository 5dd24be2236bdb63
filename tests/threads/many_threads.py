# Hundreds of short-lived threads, each storing one result in its own slot;
# started in batches so that many run at once.
# repeat: 3
import threading

N = 300
out = [None] * N

def work(i):
    s = 0
    for k in range(i % 50):
        s += k * i
    out[i] = s

for base in range(0, N, 60):
    batch = [threading.Thread(target=work, args=(i,)) for i in range(base, base + 60)]
    for t in batch:
        t.start()
    for t in batch:
        t.join()
print(out[:8], sum(out), out.count(None))
print(threading.active_count())
