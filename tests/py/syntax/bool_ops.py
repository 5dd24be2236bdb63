# and/or/not return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0)
print(not 0, not 1, not "", not [1])
def t(v):
    print("eval", v)
    return v
print(t(0) and t(1))
print(t(1) or t(2))
print(t(1) and t(0) or t(3))
print([] and 1/0, 1 or 1/0)
x = None
print(x is None and "none" or "some")
