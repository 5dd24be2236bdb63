# UnboundLocalError when a local is read before assignment.
x = 10
def f():
    print(x)
    x = 5
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def g():
    x += 1
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def h(flag):
    if flag:
        y = 1
    return y
print(h(True))
try:
    h(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def outer():
    def inner():
        return z
    try:
        return inner()
    except NameError as e:
        return "NameError: " + str(e)
    z = 1
print(outer())
print(issubclass(UnboundLocalError, NameError))
