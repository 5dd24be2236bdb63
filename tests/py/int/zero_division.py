# Division by zero errors for ints.
for op in ("/", "//", "%", "divmod"):
    try:
        if op == "/":
            1 / 0
        elif op == "//":
            1 // 0
        elif op == "%":
            1 % 0
        else:
            divmod(1, 0)
    except ZeroDivisionError as e:
        print(op, "ZeroDivisionError:", e)
try:
    10 ** 30 // 0
except ZeroDivisionError as e:
    print("big:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("pow:", e)
try:
    pow(0, -1, 5)
except ValueError as e:
    print("pow mod:", e)
try:
    x = 5
    x //= 0
except ZeroDivisionError as e:
    print("augmented:", e)
print(0 ** 0, 0 // 7, 0 % -7)
