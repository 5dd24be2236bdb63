# LOAD_GLOBAL remembers where it found a name: every way the answer can
# change afterwards must be seen (rebinding, deletion, shadowing a builtin,
# un-shadowing it, the globals dict growing, the same code on other globals).
def get_x():
    return x

def get_len():
    return len

x = 1
print(get_x())
x = 2
print(get_x())
del x
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 3
print(get_x())

print(get_len() is __builtins__.len if hasattr(__builtins__, "len") else get_len()([1, 2]))
len = lambda s: "shadowed"
print(get_len()("abc"))
del len
print(get_len()("abc"))

# many new globals: the dict is resized and entries move
for i in range(200):
    globals()["g%d" % i] = i
print(get_x(), get_len()("ab"), g199)
del x
for i in range(100):
    del globals()["g%d" % i]
x = 4
print(get_x())

# one code object run on different globals
code = compile("def f():\n    return y\n", "<gc>", "exec")
d1 = {"y": "one"}
d2 = {"y": "two", "pad1": 0, "pad2": 0}
exec(code, d1)
exec(code, d2)
for _ in range(3):
    print(d1["f"](), d2["f"]())
del d2["y"]
try:
    d2["f"]()
except NameError as e:
    print("NameError:", e)
d3 = {}
exec("def h():\n    return abs(-5)\n", d3)
print(d3["h"]())
d3["abs"] = lambda v: "own abs"
print(d3["h"]())
