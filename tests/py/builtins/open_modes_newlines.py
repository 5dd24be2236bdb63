# Text mode newline translation and x/w/a modes.
with open("nl.txt", "w", newline="") as f:
    f.write("unix\nwindows\r\nmac\rend")
with open("nl.txt") as f:
    print(repr(f.read()))
with open("nl.txt", newline="") as f:
    print(repr(f.read()))
with open("nl.txt", "rb") as f:
    print(f.read())
with open("new.txt", "x") as f:
    f.write("exclusive")
try:
    open("new.txt", "x")
except FileExistsError as e:
    print("FileExistsError:", e.filename)
with open("new.txt", "w") as f:
    pass
print(repr(open("new.txt").read()))
with open("new.txt", "a+") as f:
    f.write("A")
    f.seek(0)
    print(repr(f.read()))
