# True division of ints is correctly rounded, even for huge operands.
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 / -2, 0 / 5, -0 / 5)
print((10 ** 30) / (10 ** 15), (2 ** 100) / 3, (3 ** 200) / (3 ** 199), 1 / (2 ** 1074))
print((2 ** 53 + 1) / 1, (10 ** 400) / (10 ** 399), 123456789123456789 / 1000000000)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print("OverflowError:", e)
print(1 / (10 ** 400))
