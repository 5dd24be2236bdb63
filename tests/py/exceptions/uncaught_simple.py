# An uncaught exception: exit status 1, traceback on stderr.
print("before the error")
def inner():
    return {}["missing key"]
def outer():
    return inner()
outer()
print("never printed")
