# A daemon thread still blocked when the main thread ends does not keep the
# program alive; a non-daemon thread is waited for at exit and its output
# comes last.
import threading

forever = threading.Event()
threading.Thread(target=forever.wait, daemon=True).start()
go = threading.Event()

def late():
    go.wait()
    print("non-daemon thread finishes after main")

threading.Thread(target=late).start()
print("main reaches its end")
go.set()
