# pop, remove, clear, del.
a = list(range(10))
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
a.remove(5)
print(a)
a.clear()
print(a)
for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3), lambda: [1].pop("0")]:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
b = [1, 2, 1, 2]
b.remove(2)
print(b)
c = [1, 2, 3, 4, 5]
del c[1], c[2]
print(c)
