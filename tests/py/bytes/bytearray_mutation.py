# bytearray is mutable.
ba = bytearray(b"hello")
ba[0] = 74
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
print(ba, len(ba))
ba[1:3] = b"EE"
print(ba)
ba[1:3] = b""
print(ba)
ba[0:0] = b">>"
del ba[-2:]
print(ba)
ba.insert(0, 60)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("!"))
ba.reverse()
print(ba)
ba += b"xy"
ba *= 2
print(ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
for bad in [lambda: ba.append(256), lambda: ba.append("a"), lambda: bytearray(b"x").remove(5),
            lambda: bytearray().pop(), lambda: bytearray(b"ab").__setitem__(0, -1)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
c = bytearray(b"abcdef")
c[::2] = b"XYZ"
print(c)
try:
    c[::2] = b"12"
except ValueError as e:
    print("ValueError:", e)
