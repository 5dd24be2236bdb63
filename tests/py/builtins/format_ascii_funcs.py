# format() and ascii().
print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(1234567, ","), format(0.5, "%"))
print(ascii("abc"), ascii("é"), ascii("😀"), ascii(["ü"]), ascii(b"\xff"), ascii(1))
try:
    format(1, "q")
except ValueError as e:
    print("ValueError:", e)
