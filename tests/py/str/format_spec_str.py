# Format specs applied to strings.
for spec in ["", "10", "<10", ">10", "^10", "*^9", ".2", "10.3", "-<6", "s", "=^7s"]:
    print(repr(spec), repr(format("hello", spec)))
print(repr(format("日本", "^6")), repr(format("", "x>3")))
for bad in ["d", "+", "=10", ",", "#"]:
    try:
        format("s", bad)
    except ValueError as e:
        print("ValueError:", e)
