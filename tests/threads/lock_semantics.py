# Lock behaviour: non-blocking and timed acquire, locked(), release of an
# unlocked lock, a lock released by another thread, and the context manager
# releasing on an exception.
import threading

lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(blocking=False), lock.acquire(False))
print(lock.acquire(timeout=0.01), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)

held = threading.Lock()
held.acquire()
result = []

def try_take():
    result.append(held.acquire(timeout=0.02))

th = threading.Thread(target=try_take)
th.start()
th.join()
print("other thread timed acquire:", result)

def releaser():
    held.release()

th = threading.Thread(target=releaser)
th.start()
th.join()
print("released by another thread:", held.locked())
try:
    with lock:
        print("inside with:", lock.locked())
        raise KeyError("boom")
except KeyError:
    pass
print("after with:", lock.locked())
print(type(threading.Lock()).__name__ == type(lock).__name__)
