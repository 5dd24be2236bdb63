# Lambda expressions.
square = lambda x: x * x
print(square(7), (lambda: "const")(), (lambda *a, **k: (a, k))(1, z=2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]), list(filter(lambda v: v % 3 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3))
print((lambda x, y=2: x ** y)(3), (lambda x: (lambda y: x + y))(1)(2))
print(square.__name__, type(square).__name__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in ops.items()})
