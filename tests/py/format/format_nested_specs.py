# Nested replacement fields inside format specs.
data = [("left", "<", 10), ("right", ">", 10), ("center", "^", 11)]
for text, align, width in data:
    print("[{:{}{}}]".format(text, align, width), f"[{text:{align}{width}}]", "[{0:{a}{w}}]".format(text, a=align, w=width))
for prec in range(4):
    print("{:.{}f}".format(3.14159, prec), f"{2.71828:.{prec}e}", "{0:{1}.{2}}".format("abcdef", 8, prec) + "|")
print("{:{}}".format(7, ""), f"{7:{''}}", "{0:{fill}>{n}}".format("x", fill="-", n=4))
