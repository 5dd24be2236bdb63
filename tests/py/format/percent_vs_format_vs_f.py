# The three formatting styles produce the same results.
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
for name, price, qty in rows:
    a = "%-8s %6.2f %4d" % (name, price, qty)
    b = "{:<8} {:6.2f} {:4d}".format(name, price, qty)
    c = f"{name:<8} {price:6.2f} {qty:4d}"
    print(a, a == b == c)
print("%s" % 1.0, "{}".format(1.0), f"{1.0}", str(1.0))
print("%r" % "x", "{!r}".format("x"), f"{'x'!r}")
