# format() with the integer presentation types.
vals = [0, 7, -7, 255, -255, 2 ** 40, -(10 ** 12)]
specs = ["d", "5d", "<5", ">5", "^5", "+", "-", " ", "05", "+05", "x", "#x", "X", "#X", "o", "#o",
         "b", "#b", "#010b", ",", "_", "_b", "_x", "n", "=10", "*>+10,", "e", "g", "f", "%"]
for v in vals:
    print(v, [format(v, s) for s in specs])
