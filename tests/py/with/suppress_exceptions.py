# __exit__ returning True suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressed", et.__name__, ev)
            return True
        return False
with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after first")
try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("escaped:", e)
def f():
    with Suppress(ZeroDivisionError):
        return 1 / 0
    return "fell through after suppression"
print(f())
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "non-empty string is true"
with Truthy():
    raise RuntimeError("gone")
print("suppressed by truthy value")
