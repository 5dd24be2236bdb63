# The f-string '=' specifier keeps the expression text and uses repr by default.
a, b = 2, "txt"
items = [1, 2]
print(f"{a=}", f"{b=}", f"{a*3=}", f"{a = }", f"{b=!s}", f"{a=:>4}", f"{a=!r:^6}|")
print(f"{items[0]=}", f"{len(items)=}", f"{b.upper()=}", f"{'lit'=}", f"{a + 1 =}")
print(f"{3.5=:.3f}", f"{None=}", f"{True=}", f"{items=}")
