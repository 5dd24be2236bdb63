# Condition.wait_for with a predicate, wait with a timeout that expires,
# notify(n) waking a limited number, and notify_all.
import threading

cond = threading.Condition()
state = {"ready": 0, "woken": 0}

print("timeout:", cond.acquire() and cond.wait(0.01))
cond.release()
print("wait_for timeout:", (cond.acquire(), cond.wait_for(lambda: False, 0.01))[1])
cond.release()

def waiter():
    with cond:
        ok = cond.wait_for(lambda: state["ready"] >= 3)
        state["woken"] += 1
        return ok

threads = [threading.Thread(target=waiter) for _ in range(4)]
for t in threads:
    t.start()
for _ in range(3):
    with cond:
        state["ready"] += 1
        cond.notify_all()
for t in threads:
    t.join()
print(state)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.wait(0.01)
except RuntimeError as e:
    print("RuntimeError:", e)
