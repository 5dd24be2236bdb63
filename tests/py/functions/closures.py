# Closures capture variables, not values.
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1), a5.__closure__ is not None, len(a5.__closure__))
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns2 = [lambda i=i: i for i in range(3)]
print([f() for f in fns2])
def outer():
    x = "early"
    def inner():
        return x
    x = "late"
    return inner
print(outer()())
def make_pair():
    val = []
    def push(v):
        val.append(v)
    def get():
        return list(val)
    return push, get
push, get = make_pair()
push(1)
push(2)
print(get())
