# break/continue inside try/except in loops.
results = []
for v in ["1", "x", "3", "stop", "5"]:
    try:
        if v == "stop":
            break
        results.append(int(v))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("f")
print(results)
i = 0
while True:
    try:
        i += 1
        if i == 3:
            raise KeyError(i)
    except KeyError:
        print("KeyError at", i)
        break
print("exited loop at", i)
