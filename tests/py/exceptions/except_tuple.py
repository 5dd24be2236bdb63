# except with tuples and dynamic exception classes.
errors = (ValueError, TypeError)
for bad in ["int('x')", "len(5)", "[][1]"]:
    try:
        if bad == "int('x')":
            int("x")
        elif bad == "len(5)":
            len(5)
        else:
            [][1]
    except errors as e:
        print("tuple caught", type(e).__name__)
    except (IndexError,) as e:
        print("single-tuple caught", type(e).__name__)
nested = (KeyError, (IndexError, (ZeroDivisionError,)))
try:
    try:
        1 / 0
    except nested:
        print("nested tuple caught")
except TypeError as e:
    print("TypeError:", e)
def pick():
    return KeyError
try:
    {}["x"]
except pick() as e:
    print("dynamic class caught", repr(e))
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)
