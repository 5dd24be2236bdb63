# format() of containers uses their str; width applies to the whole string.
print(f"{[1, 2]!s:>10}|", f"{(1,)!r:^7}|", "{:>6}".format(str({1: 2})), f"{None!s:5}|")
print("%10s|%-10s|" % ([1], (2, 3)), f"{range(3)!r}", f"{b'x'!r}", f"{1 == 1!r}")
try:
    print(f"{[1, 2]:>10}")
except TypeError as e:
    print("TypeError:", e)
