# Builtins can be shadowed by globals/locals and restored by deletion.
print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
def f():
    list = "local list"
    return list
print(f(), list("ab"))
