# Tuple creation, indexing, immutability.
t = (1, "a", 2.5, None)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], (), (1,), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)))
print(type(()).__name__, 1, (1), (1,), type((1,)).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    tuple(5)
except TypeError as e:
    print("TypeError:", e)
