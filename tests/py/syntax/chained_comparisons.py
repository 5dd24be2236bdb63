# Chained comparisons evaluate each operand once.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 == 1 == 1, 1 == 1 != 2, 1 != 2 != 1)
a = [1, 2]
print(1 in a in [a], 3 not in a is not None)
print(0 <= 5 < 10 <= 10 > 9 >= 9)
print(1 < 2 > 1 < 2)
x = 5
print(0 < x < 10 and 4 < x, 6 < x < 10 or x)
