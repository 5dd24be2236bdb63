# Indices accept ints, bools and __index__ objects.
a = ["a", "b", "c"]
class I:
    def __index__(self):
        return 2
print(a[True], a[False], a[I()], a[-True], a[I():], a[:I()])
a[I()] = "C"
print(a)
try:
    a[1.0]
except TypeError as e:
    print("TypeError:", e)
try:
    a[None]
except TypeError as e:
    print("TypeError:", e)
print(a[None:None], a[slice(None, None, -1)])
big = 2 ** 70
print(a[:big], a[-big:])
try:
    a[big]
except IndexError as e:
    print("IndexError:", e)
