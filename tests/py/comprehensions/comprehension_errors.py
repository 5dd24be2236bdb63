# Errors inside comprehensions propagate normally.
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    {x: x for x in 5}
except TypeError as e:
    print("TypeError:", e)
try:
    [undefined for _ in range(1)]
except NameError as e:
    print("NameError:", e)
try:
    {[]: 1 for _ in range(1)}
except TypeError as e:
    print("TypeError:", e)
try:
    {[1] for _ in range(1)}
except TypeError as e:
    print("TypeError:", e)
print([x for x in []], {x for x in ()}, {k: 1 for k in ""})
