# Comprehension variables do not leak; the first iterable is evaluated in the enclosing scope.
x = "outer"
result = [x for x in range(3)]
print(result, x)
def f():
    y = 10
    return [y * i for i in range(3)]
print(f())
class C:
    data = [1, 2, 3]
    doubled = [d * 2 for d in data]
    factor = 10
    try:
        scaled = [d * factor for d in data]
    except NameError as e:
        scaled = "NameError: " + str(e)
    first_iter_ok = [d for d in data]
print(C.doubled, C.scaled, C.first_iter_ok)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([(lambda v: v * 2)(i) for i in range(3)])
try:
    print(i)
except NameError as e:
    print("NameError:", e)
