# nonlocal and global statements.
g = "global"
def read_global():
    return g
def write_global():
    global g
    g = "changed"
print(read_global())
write_global()
print(g)
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
        inner()
        return x
    r = mid()
    return r, x
print(outer())
def make_global():
    global brand_new
    brand_new = 42
make_global()
print(brand_new)
def shadow():
    g = "local"
    return g
print(shadow(), g)
def nested_global():
    def inner():
        global g
        return g
    g = "outer-local"
    return inner()
print(nested_global())
