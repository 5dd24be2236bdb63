# format() spec mini-language for ints.
n = 1234567
for spec in ["", "d", "10d", "<10d", "^10d", ">10", "010d", "+d", " d", "-d", ",", "_",
             "_x", "x", "X", "#x", "#o", "#b", "o", "b", "c", "e", ".2f", "%", "=+10", "*^12,"]:
    print(repr(spec), repr(format(n if spec != "c" else 65, spec)))
print(format(-42, "=8"), format(-42, "08"), format(-42, "#010x"))
for bad in ["s", ".2", "z", ",b", "c,"]:
    try:
        format(5, bad)
    except ValueError as e:
        print("ValueError:", e)
