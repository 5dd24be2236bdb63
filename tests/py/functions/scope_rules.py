# LEGB scope resolution.
x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        return x
    return inner()
print(outer())
def uses_builtin():
    return len("abc")
len_backup = len
def shadows_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(uses_builtin(), shadows_builtin(), len("ab"))
def loops():
    for i in range(3):
        pass
    return i
print(loops())
def comp_scope():
    y = 10
    return [y + i for i in range(3)]
print(comp_scope())
class C:
    v = 5
    def m(self):
        try:
            return v
        except NameError as e:
            return "NameError: " + str(e)
print(C().m())
