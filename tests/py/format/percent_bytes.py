# %-formatting on bytes.
print(b"%s %d %x %c %c %%" % (b"abc", 42, 255, 65, b"Z"))
print(b"%5s|%-5s|%05d|%.2f|%r|%a" % (b"ab", b"cd", 7, 3.14159, b"q", "é"))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3})
print(bytearray(b"%s!") % b"x", b"%b" % bytearray(b"ba"))
for args in ["str", 1.5, [1]]:
    try:
        print(b"%s" % (args,))
    except TypeError as e:
        print("TypeError:", e)
try:
    b"%c" % 256
except OverflowError as e:
    print("OverflowError:", e)
