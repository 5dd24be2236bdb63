# Thread names and identities: current_thread() in the main thread and in
# workers, explicit names, default names, main_thread(), renaming, repr pieces.
import threading

print(threading.current_thread().name, threading.main_thread().name)
print(threading.current_thread() is threading.main_thread())
names = []

def who():
    names.append(threading.current_thread().name)

def target():
    pass

a = threading.Thread(target=who, name="alpha")
a.start()
a.join()
b = threading.Thread(target=who)
b.name = "renamed"
b.start()
b.join()
c = threading.Thread(target=target)
d = threading.Thread(target=lambda: None)
e = threading.Thread()
print(names, b.name)
print(c.name, d.name, e.name)
print(isinstance(threading.current_thread(), threading.Thread))
print(type(a.ident).__name__, a.ident is not None, threading.Thread(target=who).ident)
idents = set()
lock = threading.Lock()

def rec():
    with lock:
        idents.add(threading.get_ident())

ts = [threading.Thread(target=rec) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(idents) >= 1, threading.get_ident() == threading.main_thread().ident)
