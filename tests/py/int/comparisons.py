# Int comparisons and sorting.
vals = [5, -3, 10 ** 20, 0, -(10 ** 20), 2 ** 64, 7, -7]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(max(vals), min(vals))
print(3 < 5, 5 <= 5, 5 >= 6, 10 ** 30 > 10 ** 29, -10 ** 30 < -10 ** 29)
print(1 == True, 0 == False, 2 == True)
try:
    1 < "2"
except TypeError as e:
    print("TypeError:", e)
try:
    None > 0
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", 1 != "1", [1] == [1.0])
