# +, *, +=, *=, comparisons on lists.
a, b = [1, 2], [3]
print(a + b, a * 2, 2 * a, a * 0, a * -1, [[0]] * 2)
m = [[0]] * 2
m[0].append(1)
print(m)
c = a
c += b
print(a, c is a)
c *= 2
print(a)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0], [1, [2]] == [1, [2]], [1, 2] <= [1, 2])
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
x = [1]
x += (2, 3)
x += "ab"
print(x)
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError:", e)
