# Thread(target, args, kwargs, daemon, name): arguments arrive, daemon
# inheritance and setting, is_alive before/while/after, join(timeout) on a
# thread that is still blocked.
import threading

got = []

def f(a, b, *rest, key=None, **kw):
    got.append((a, b, rest, key, sorted(kw.items())))

t = threading.Thread(target=f, args=(1, 2, 3), kwargs={"key": "k", "z": 0}, name="f")
print(t.is_alive(), t.daemon)
t.start()
t.join()
print(got, t.is_alive())
d = threading.Thread(target=f, args=("x", "y"), daemon=True)
print(d.daemon)
d.start()
d.join()
print(got[-1])
gate = threading.Event()
blocked = threading.Thread(target=gate.wait)
blocked.start()
blocked.join(timeout=0.02)
print("still alive after join(timeout):", blocked.is_alive())
gate.set()
blocked.join()
print("after the gate:", blocked.is_alive())
inner = []

def spawner():
    th = threading.Thread(target=lambda: None)
    inner.append(th.daemon)

dd = threading.Thread(target=spawner, daemon=True)
dd.start()
dd.join()
print("daemon inherited:", inner)
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
