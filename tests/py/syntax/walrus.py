# Assignment expressions.
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4, 5, 6]
print([y for x in data if (y := x * x) > 10])
print(y)
i = 0
while (i := i + 1) < 4:
    print("loop", i)
print((a := 1, b := 2), a, b)
def f():
    [last := k for k in range(5)]
    return last
print(f())
print(total := sum(range(10)), total)
vals = [z := 3, z * 2]
print(vals)
print(len(s := "hello"), s)
