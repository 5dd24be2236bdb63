# Files as context managers close automatically.
with open("data.txt", "w") as f:
    f.write("line1\nline2\n")
    print(f.closed)
print(f.closed)
with open("data.txt") as f:
    print(f.read().splitlines())
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    with open("data.txt") as f:
        raise RuntimeError("in body")
except RuntimeError:
    print("closed after error:", f.closed)
