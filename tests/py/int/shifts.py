# Left and right shifts.
print(1 << 0, 1 << 1, 1 << 63, 1 << 64, 1 << 200)
print(-1 << 10, -5 << 3, 5 >> 1, -5 >> 1, -1 >> 100, 1 >> 100)
print((2 ** 200) >> 190, (-(2 ** 200)) >> 190, (-(2 ** 200) - 1) >> 190)
print(255 >> 4 << 4, 0 << 1000, 0 >> 5)
for bad in (-1, -100):
    try:
        1 << bad
    except ValueError as e:
        print("ValueError:", e)
    try:
        1 >> bad
    except ValueError as e:
        print("ValueError:", e)
try:
    1 << 1.0
except TypeError as e:
    print("TypeError:", e)
print(True << 3, 1 >> True)
