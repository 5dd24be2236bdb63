# try/except/else/finally in every combination.
def run(case):
    log = []
    try:
        log.append("try")
        if case == "raise":
            raise ValueError("v")
        if case == "other":
            raise KeyError("k")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run("ok"))
print(run("raise"))
try:
    run("other")
except KeyError as e:
    print("propagated", e)
def only_finally():
    try:
        return "from try"
    finally:
        print("finally before return")
print(only_finally())
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")
try:
    try:
        raise TypeError("inner")
    finally:
        print("inner finally")
except TypeError as e:
    print("outer caught", e)
