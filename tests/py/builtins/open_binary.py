# open() in binary mode.
with open("data.bin", "wb") as f:
    print(f.write(bytes(range(256))), f.write(b"\x00end"))
with open("data.bin", "rb") as f:
    data = f.read()
print(len(data), data[:5], data[-4:], type(data).__name__)
with open("data.bin", "rb") as f:
    print(f.read(3), f.read(2), f.tell())
    f.seek(250)
    print(f.read(6), f.tell())
    f.seek(0)
    print(f.read(1))
with open("data.bin", "r+b") as f:
    f.seek(1)
    f.write(b"XY")
with open("data.bin", "rb") as f:
    print(f.read(4))
with open("lines.bin", "wb") as f:
    f.write(b"a\nbb\r\nccc")
with open("lines.bin", "rb") as f:
    print(f.readlines())
try:
    with open("data.bin", "wb") as f:
        f.write("text into binary")
except TypeError as e:
    print("TypeError:", e)
try:
    with open("t.txt", "w") as f:
        f.write(b"bytes into text")
except TypeError as e:
    print("TypeError:", e)
