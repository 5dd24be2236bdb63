# The class body is a scope: names defined there are not visible inside methods.
class C:
    a = 1
    b = a + 1
    items = [a * i for i in range(3)] if False else None
    def get_a(self):
        return C.a
    print("class body runs at definition", a, b)
print(C.b, C().get_a())
x = "module"
class D:
    x = "class"
    def m(self):
        return x
    y = [x for _ in range(1)]
print(D().m(), D.y)
class E:
    n = 3
    try:
        vals = [n * i for i in range(2)]
    except NameError as e:
        vals = "NameError: " + str(e)
print(E.vals)
