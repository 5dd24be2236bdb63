# Changing a dict's size while iterating raises RuntimeError.
d = {1: "a", 2: "b", 3: "c"}
try:
    for k in d:
        if k == 1:
            d[4] = "d"
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
try:
    for v in d.values():
        d[v] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for item in d.items():
        d.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
d2 = {1: 1, 2: 2}
for k in d2:
    d2[k] = d2[k] * 10
print(d2)
for k in list(d2):
    del d2[k]
print(d2)
try:
    s = {1, 2}
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
