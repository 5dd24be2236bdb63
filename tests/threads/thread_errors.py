# Misuse errors: join before start, start twice, join the current thread.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
res = []

def self_join():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        res.append(str(e))

s = threading.Thread(target=self_join)
s.start()
s.join()
print(res)
