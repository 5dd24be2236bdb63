# atomic blocks nest, mix with Lock-protected sections, and are released when
# an exception leaves them (another thread can then enter).
import threading
import transaction

lock = threading.Lock()
log = []

def nested(t):
    for i in range(50):
        with transaction.atomic:
            with transaction.atomic:
                log.append((t, i))
        try:
            with transaction.atomic:
                raise ValueError(i)
        except ValueError:
            pass
        with lock:
            log.append((t, -1))

ts = [threading.Thread(target=nested, args=(t,)) for t in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(log), sorted(set(log))[:4])
print([sum(1 for e in log if e[0] == t and e[1] >= 0) for t in range(3)])
done = threading.Event()

def enter_after():
    with transaction.atomic:
        done.set()

th = threading.Thread(target=enter_after)
th.start()
print(done.wait(5))
th.join()
