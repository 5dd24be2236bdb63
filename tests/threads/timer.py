# threading.Timer runs its function once after the delay unless cancelled.
import threading

fired = []
t1 = threading.Timer(0.01, fired.append, args=("one",))
t2 = threading.Timer(5, fired.append, args=("never",))
t1.start()
t2.start()
t2.cancel()
t1.join()
t2.join()
print(fired, t1.is_alive(), t2.is_alive())
t3 = threading.Timer(0, lambda **kw: fired.append(sorted(kw)), kwargs={"a": 1, "b": 2})
t3.start()
t3.join()
print(fired)
