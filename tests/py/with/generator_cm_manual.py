# A hand-written context manager built on a generator (no contextlib).
class gen_cm:
    def __init__(self, fn, *args):
        self.gen = fn(*args)
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        return False
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("handled inside generator:", e)
    finally:
        print(f"</{name}>")
with gen_cm(tag, "div") as t:
    print("body", t)
with gen_cm(tag, "p"):
    raise ValueError("oops")
try:
    with gen_cm(tag, "span"):
        raise KeyError("not handled")
except KeyError as e:
    print("KeyError escaped", e)
