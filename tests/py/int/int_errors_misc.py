# Type errors involving ints.
for expr in [lambda: 1 + "a", lambda: "a" - 1, lambda: 1 * None, lambda: [] // 2,
             lambda: 2 ** "x", lambda: -"s", lambda: ~1.5, lambda: 5 % [1]]:
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)
print("a" * 3, 3 * "a", [0] * 2, 2 * (1,), "x" * -1, "x" * 0)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
