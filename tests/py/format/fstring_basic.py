# f-string expressions.
x, y = 3, 4
name = "World"
print(f"Hello, {name}!", f"{x} + {y} = {x + y}", f"{x * y:>5}", f"{'nested'}", f"{x if x > y else y}")
print(f"{[i * i for i in range(4)]}", f"{ {'a': 1}['a'] }", f"{(lambda v: v * 2)(21)}", f"{len(name)}")
d = {"key": "value"}
print(f"{d['key']}", f'{d["key"]}', f"""{d["key"]}""", f"{name.upper()}", f"{name[1:3]}")
print(f"{{braces}}", f"{{{x}}}", f"{x}{y}", f"a{x}b{y}c", f"")
print(f"{3.14159:.2f}", f"{12345:,}", f"{255:#x}", f"{0.25:%}", f"{'s':*^9}")
width, prec = 10, 3
print(f"{3.14159:{width}.{prec}f}|", f"{'x':{'>'}{width}}|", f"{x:0{width}d}")
print(f"{x!r}", f"{name!r}", f"{name!a}", f"{'é'!a}", f"{3.0!s}")
print(f"{x=}", f"{x + y = }", f"{name=!s}", f"{3.14159=:.2f}", f"{ x = }")
obj = [1, 2]
print(f"{obj}", f"{obj!r:>10}", f"{obj[0]:03d}", f"{x:{'<' if x > 2 else '>'}5}|")
