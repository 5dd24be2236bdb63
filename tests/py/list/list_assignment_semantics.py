# Names refer to objects; assignment never copies.
a = [1, 2, 3]
b = a
c = a[:]
a[0] = 100
print(a, b, c)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    return lst
r = mutate(a)
print(a, r)
x = [[1], [2]]
y = list(x)
y[0].append(9)
y[1] = [7]
print(x, y)
