# Bare raise re-raises the active exception.
def f():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling, then re-raise")
        raise
try:
    f()
except ValueError as e:
    print("caught again:", e)
def g():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
try:
    g()
except KeyError as e:
    print("re-raised the outer one:", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def h():
    try:
        raise IndexError("x")
    except IndexError as e:
        err = e
    raise err
try:
    h()
except IndexError as e:
    print("raised saved exception:", e)
