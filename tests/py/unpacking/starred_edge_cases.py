# Starred targets with strings, empty sequences and single items.
*a, = ""
print(a)
*b, c = [None]
print(b, c)
d, *e = (x for x in [1, 2, 3])
print(d, e)
f, *g, h = "ab"
print(f, g, h)
print([*"", *[]], (*"a",))
