# List slicing read and write.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:-1], a[8:2:-2], a[100:], a[-100:3])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [10, 11, 12]
print(b)
b[:] = "ab"
print(b)
c = list(range(10))
c[::2] = [0] * 5
print(c)
c[1::2] = "abcde"
print(c)
del c[::3]
print(c)
c[2:4] = []
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    c[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
d = [1, 2, 3]
d[5:] = [9]
print(d)
d[-10:0] = [0]
print(d)
