# The _thread module: start_new_thread, allocate_lock, get_ident, exit,
# stack_size, LockType.
import _thread
import time

done = _thread.allocate_lock()
results = []
guard = _thread.allocate_lock()
finished = [0]

def worker(i, key=None):
    with guard:
        results.append((i, key, _thread.get_ident() != main_ident))
        finished[0] += 1

def exits():
    with guard:
        results.append("before exit")
        finished[0] += 1
    _thread.exit()
    results.append("never")

main_ident = _thread.get_ident()
print(type(main_ident).__name__, isinstance(done, _thread.LockType))
for i in range(4):
    _thread.start_new_thread(worker, (i,), {"key": "k%d" % i})
_thread.start_new_thread(exits, ())
deadline = time.time() + 10
while finished[0] < 5 and time.time() < deadline:
    time.sleep(0.001)
print(sorted(results, key=str))
print(_thread.stack_size())
try:
    _thread.stack_size(1)
except ValueError as e:
    print("ValueError:", e)
try:
    _thread.start_new_thread(worker, [1])
except TypeError as e:
    print("TypeError:", e)
l = _thread.allocate_lock()
print(l.acquire(), l.acquire(0), l.locked())
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print("main done")
