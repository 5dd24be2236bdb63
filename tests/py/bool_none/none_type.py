# None specifics.
print(None, repr(None), str(None), type(None).__name__, None is None, None == None)
print(bool(None), None != 0, None != "", None != False, [None] * 2)
def f():
    pass
def g():
    return
print(f(), g(), f() is None, print() is None)
NoneType = type(None)
print(NoneType(), NoneType() is None)
n = None
for op in [lambda: n + 1, lambda: n < 1, lambda: n(), lambda: n[0], lambda: len(None),
           lambda: None.attr, lambda: iter(None), lambda: -None]:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    None.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hash(None) == hash(None), {None: 1}[None])
