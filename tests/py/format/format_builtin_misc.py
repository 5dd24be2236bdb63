# format() of bools, None, ranges and nested structures.
print(format(True, ""), format(True, "d"), format(True, ">6"), format(True, "x"), format(False, ".2f"))
print(format(None, ""), format(range(2), ""), format((1, "a"), ""), format({"k": [1]}, ""))
print(str.format("{0}{0}", "ab"), "{0:>{1}}".format("x", 3), format("x", "") is not None)
print("{:^10}".format("é" * 3), "{:.3}".format(3.14159), "{:.3}".format("3.14159"))
