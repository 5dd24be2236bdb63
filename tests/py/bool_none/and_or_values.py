# and/or with None/bool/objects return the deciding operand.
print(None or 0, 0 or None, None and 1, 1 and None, True and 5, False or "x")
print([] or {} or () or "last", [1] and [2] and [3])
x = None
name = x or "default"
print(name)
vals = [0, "", None, "hit", 5]
first = None
for v in vals:
    first = first or v
print(first)
print(all([]), any([]), all([None]), any([None, 0, ""]), any(x is None for x in [1, None]))
