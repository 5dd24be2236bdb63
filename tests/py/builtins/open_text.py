# open() in text mode: write, read, append, readline(s), iteration, with.
with open("notes.txt", "w", encoding="utf-8") as f:
    n = f.write("first line\n")
    f.write("second line\nthird line\n")
    f.writelines(["fourth\n", "fifth"])
print("wrote", n)
with open("notes.txt", encoding="utf-8") as f:
    print(repr(f.read()))
with open("notes.txt", encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(5)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open("notes.txt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open("notes.txt", "a", encoding="utf-8") as f:
    f.write("\nappended")
print(open("notes.txt", encoding="utf-8").read().splitlines()[-2:])
with open("unicode.txt", "w", encoding="utf-8") as f:
    f.write("héllo 😀 日本\n")
with open("unicode.txt", encoding="utf-8") as f:
    s = f.read()
print(s, len(s))
with open("unicode.txt", "rb") as f:
    print(f.read())
f = open("notes.txt")
print(f.closed, f.name, f.mode)
f.close()
print(f.closed)
