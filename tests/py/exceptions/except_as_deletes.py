# `except E as e` deletes e after the handler.
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    try:
        raise KeyError("k")
    except KeyError as exc:
        saved = exc
    try:
        return exc
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u) + " | saved " + repr(saved)
print(f())
