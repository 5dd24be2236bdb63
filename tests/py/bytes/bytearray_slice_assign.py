# bytearray slice assignment and deletion: simple and extended slices,
# every kind of value, resizing, and the errors.
def mut(label, fn):
    b = bytearray(b"abcdefgh")
    try:
        r = fn(b)
        print(label, r, b, len(b))
    except Exception as e:
        print(label, "%s: %s" % (type(e).__name__, e), b)
for sl in [slice(1, 3), slice(None), slice(2, 2), slice(5, 1), slice(None, None, 2), slice(None, None, -1),
           slice(1, 7, 3), slice(-3, None), slice(100, 200), slice(6, 1, -2)]:
    for val in [b"", b"XY", bytearray(b"Q"), [1, 2, 3], (65,), range(3), b"0123", "x", 5, 1.5, None, [256], ["a"]]:
        def f(b, sl=sl, val=val):
            b[sl] = val
        mut("[%s:%s:%s] = %r" % (sl.start, sl.stop, sl.step, val), f)
    def g(b, sl=sl):
        del b[sl]
    mut("del [%s:%s:%s]" % (sl.start, sl.stop, sl.step), g)
def h(b):
    b[2:4] = b
mut("self", h)
mut("gen", lambda b: b.__setitem__(slice(0, 2), (x for x in b"ZZZ")))
mut("item", lambda b: (b.__setitem__(0, 65), b.__setitem__(-1, 0)))
mut("item-err", lambda b: b.__setitem__(0, 256))
mut("item-str", lambda b: b.__setitem__(0, "a"))
mut("item-idx", lambda b: b.__setitem__(9, 1))
mut("item-key", lambda b: b.__setitem__("0", 1))
mut("del-item", lambda b: (b.__delitem__(0), b.__delitem__(-1)))
mut("del-err", lambda b: b.__delitem__(8))
