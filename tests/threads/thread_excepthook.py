# threading.excepthook replaced by the program: it receives the exception
# type, value and thread; nothing is printed to stderr.
import threading

caught = []

def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

threading.excepthook = hook

def fail(i):
    raise KeyError("k%d" % i)

for i in range(3):
    t = threading.Thread(target=fail, args=(i,), name="w%d" % i)
    t.start()
    t.join()
print(caught)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
