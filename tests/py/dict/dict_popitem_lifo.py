# popitem returns items in LIFO order.
d = {k: k * k for k in range(5)}
while d:
    print(d.popitem(), len(d))
d["x"] = 1
d["y"] = 2
d["x"] = 3
print(d.popitem(), d)
