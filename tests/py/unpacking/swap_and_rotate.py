# Swapping and rotating values with tuple assignment.
a, b, c = 1, 2, 3
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
arr = [5, 6]
i, arr[i] = 1, 99
print(i, arr)
x = [0, 1]
x[x[0]], x[1] = 7, 8
print(x)
