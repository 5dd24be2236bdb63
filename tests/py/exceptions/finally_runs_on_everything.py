# finally runs on normal exit, exceptions, return, break, continue.
log = []
def f(mode):
    for i in range(2):
        try:
            if mode == "return":
                return "r"
            if mode == "break":
                break
            if mode == "continue":
                continue
            if mode == "raise":
                raise ValueError
        finally:
            log.append((mode, i))
    return "end"
for m in ["normal", "return", "break", "continue"]:
    print(m, f(m))
try:
    f("raise")
except ValueError:
    print("raise propagated")
print(log)
