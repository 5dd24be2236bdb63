# Parsing edge cases: exact halfway cases and long digit strings.
print(float("0.1000000000000000055511151231257827021181583404541015625"))
print(float("9007199254740993"), float("9007199254740995"))
print(float("2.4703282292062327e-324"), float("2.4703282292062328e-324"))
print(float("1.7976931348623158e308"), float("1.7976931348623159e308"))
print(float("1" * 400 + ".0") == float("1" * 400 + ".0"), float("0." + "0" * 400 + "1"))
print(float("123456789012345678901234567890"), float("1e-400"), float("-1e-400"))
print(float("  1.5\n"), float("\t\n 2"))
