# Fill and alignment combinations across types.
for fill in ["", "*", "0", " ", "é", "{"]:
    for align in "<>^=":
        spec = fill + align + "9"
        cells = []
        for v in (42, -4.5, "ab"):
            try:
                cells.append(format(v, spec))
            except ValueError as e:
                cells.append("ValueError(" + str(e) + ")")
        print(repr(spec), cells)
