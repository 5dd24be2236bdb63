# __exit__ receives type, value, traceback; exceptions inside __exit__ replace the original.
class Inspect:
    def __enter__(self):
        return "value from enter"
    def __exit__(self, et, ev, tb):
        print("exit got:", et, repr(ev), tb is not None)
with Inspect() as v:
    print(v)
try:
    with Inspect():
        raise TypeError("bad")
except TypeError:
    print("propagated")
class Raiser:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("from exit")
try:
    with Raiser():
        raise ValueError("original")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
class EnterFails:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit must not run")
try:
    with EnterFails():
        print("body must not run")
except OSError as e:
    print("OSError:", e)
