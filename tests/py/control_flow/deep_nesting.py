# Deeply nested blocks of different kinds.
def f(n):
    out = []
    for i in range(n):
        if i % 2 == 0:
            try:
                with open("tmp.txt", "w") as fh:
                    while True:
                        for j in range(2):
                            if j == 1:
                                fh.write(f"{i}{j}")
                                break
                        break
            finally:
                out.append(i)
        else:
            out.append(-i)
    return out
print(f(6))
print(open("tmp.txt").read())
