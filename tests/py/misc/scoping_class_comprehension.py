# Class scope is not visible from nested comprehensions or functions.
class A:
    x = 5
    same = [x for _ in range(2)] if False else None
    try:
        lst = [x for _ in range(2)]
    except NameError as e:
        lst = "NameError: " + str(e)
    first = [y for y in range(x)]
print(A.lst, A.first)
y = "global y"
class B:
    y = "class y"
    def method(self):
        return y
    gen_value = list(y for _ in range(1))
print(B().method(), B.gen_value)
