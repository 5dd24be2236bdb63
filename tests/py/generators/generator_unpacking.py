# Generators in unpacking, star-args, and builtins.
def three():
    yield from "xyz"
a, b, c = three()
print(a, b, c)
first, *rest = three()
print(first, rest)
print(*three(), sep="|")
print(max(three()), sorted(three(), reverse=True), dict(zip(three(), range(3))), set(three()) == {"x", "y", "z"})
try:
    p, q = three()
except ValueError as e:
    print("ValueError:", e)
