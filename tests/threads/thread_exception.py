# An exception in a thread is reported on stderr ("Exception in thread ...")
# and does not stop the program; SystemExit in a thread ends only that thread.
# stderr: the last line is the thread's exception
import sys
import threading

def bad():
    raise ValueError("boom in thread")

def quits():
    sys.exit(5)

q = threading.Thread(target=quits, name="quitter")
q.start()
q.join()
print("after SystemExit thread, alive:", q.is_alive())
t = threading.Thread(target=bad, name="badthread")
t.start()
t.join()
print("main continues")
