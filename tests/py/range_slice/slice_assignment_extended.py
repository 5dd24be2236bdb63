# Extended slice assignment and deletion on lists and bytearrays.
a = list(range(12))
a[1:10:3] = ["x", "y", "z"]
print(a)
a[::-4] = [0, 0, 0]
print(a)
del a[1::2]
print(a)
b = bytearray(b"0123456789")
b[::3] = b"ABCD"
del b[-1::-5]
print(b)
c = list(range(5))
c[3:1] = ["ins"]
print(c)
c[-1:] = []
print(c)
try:
    c[::-1] = [1]
except ValueError as e:
    print("ValueError:", e)
