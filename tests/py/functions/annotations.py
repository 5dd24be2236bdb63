# Annotations are accepted and stored (not enforced).
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return a
print(f("not an int"), f.__annotations__)
x: int = 5
y: "anything"
print(x, __annotations__)
class C:
    attr: int = 3
    other: str
print(C.attr, C.__annotations__, hasattr(C, "other"))
def g() -> None:
    pass
print(g.__annotations__)
