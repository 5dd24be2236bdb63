# append, extend, insert.
a = []
a.append(1)
a.append([2])
a.extend([3, 4])
a.extend("ab")
a.extend(range(2))
a.extend(x for x in (9,))
print(a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
a.extend(a)
print(len(a))
b = [1]
b.append(b)
print(b)
try:
    a.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    a.extend(5)
except TypeError as e:
    print("TypeError:", e)
try:
    a.insert("0", 1)
except TypeError as e:
    print("TypeError:", e)
