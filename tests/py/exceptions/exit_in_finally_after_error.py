# An uncaught exception still runs finally blocks before the exit (exit 1).
def work():
    try:
        print("working")
        raise LookupError("no such item")
    finally:
        print("cleanup in finally")
try:
    work()
finally:
    print("outer finally")
