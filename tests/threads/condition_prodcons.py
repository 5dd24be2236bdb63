# Producer/consumer on a bounded buffer with a Condition: every item is
# consumed exactly once, in production order per producer.
# repeat: 6
import threading

buf = []
CAP = 5
cond = threading.Condition()
done_producers = [0]
consumed = []

def producer(p):
    for i in range(150):
        with cond:
            while len(buf) >= CAP:
                cond.wait()
            buf.append((p, i))
            cond.notify_all()
    with cond:
        done_producers[0] += 1
        cond.notify_all()

def consumer(c):
    while True:
        with cond:
            while not buf and done_producers[0] < 3:
                cond.wait()
            if not buf:
                return
            item = buf.pop(0)
            consumed.append((c, item))
            cond.notify_all()

ts = [threading.Thread(target=producer, args=(p,)) for p in range(3)]
ts += [threading.Thread(target=consumer, args=(c,)) for c in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
items = [it for _, it in consumed]
print(len(items), len(set(items)))
print(all([i for p2, i in items if p2 == p] == list(range(150)) for p in range(3)))
