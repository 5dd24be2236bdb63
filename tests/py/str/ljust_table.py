# Rendering a text table with ljust/rjust/center.
rows = [("name", "qty", "price"), ("apple", 3, 1.25), ("banana", 12, 0.5), ("cherry", 100, 10.0)]
widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
for i, r in enumerate(rows):
    cells = [str(r[0]).ljust(widths[0]), str(r[1]).rjust(widths[1]), str(r[2]).center(widths[2] + 2)]
    print("|" + "|".join(cells) + "|")
    if i == 0:
        print("+" + "+".join("-" * len(c) for c in cells) + "+")
