# Slicing with negative steps and out-of-range bounds.
s = "abcdefgh"
for start in (None, 7, 3, -1, -9, 20):
    for stop in (None, 0, 2, -3, -20):
        print(repr(start), repr(stop), s[start:stop:-1], s[start:stop:-3])
