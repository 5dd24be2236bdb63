# Float-only presentation types accept ints; int-only types reject floats.
for spec in ["e", "f", "g", "%", "E", "G", "F", ".2f"]:
    print(spec, format(7, spec), format(True, spec))
for spec in ["d", "x", "b", "o", "c", "n"]:
    try:
        print(spec, format(7.0, spec))
    except ValueError as e:
        print(spec, "ValueError:", e)
