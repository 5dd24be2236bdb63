# bytearray mutators and in-place operators, with their errors.
def mut(label, fn):
    b = bytearray(b"abcdefgh")
    try:
        r = fn(b)
        print(label, r, b)
    except Exception as e:
        print(label, "%s: %s" % (type(e).__name__, e), b)
class Idx:
    def __index__(self):
        return 66
mut("append", lambda b: (b.append(1), b.append(Idx()), b.append(True)))
mut("append-err", lambda b: b.append(256))
mut("append-str", lambda b: b.append("a"))
mut("insert", lambda b: (b.insert(0, 1), b.insert(-1, 2), b.insert(100, 3), b.insert(-100, 4)))
mut("insert-err", lambda b: b.insert("0", 1))
mut("pop", lambda b: (b.pop(), b.pop(0), b.pop(-2), b.pop(Idx() if False else 1)))
mut("pop-err", lambda b: b.pop(20))
mut("pop-empty", lambda b: (b.clear(), b.pop()))
mut("remove", lambda b: (b.remove(99), b.remove(Idx()) if False else b.remove(104)))
mut("remove-missing", lambda b: b.remove(120))
mut("remove-range", lambda b: b.remove(300))
mut("reverse", lambda b: b.reverse())
mut("copy", lambda b: (b.copy(), b.copy() is b, type(b.copy()).__name__))
mut("extend", lambda b: (b.extend(b"12"), b.extend([51, 52]), b.extend(x for x in range(53, 55)), b.extend(bytearray(b"!"))))
mut("extend-self", lambda b: b.extend(b))
mut("extend-bad", lambda b: b.extend([1, 2, "x"]))
mut("extend-range", lambda b: b.extend([1, 300]))
mut("extend-str", lambda b: b.extend("ab"))
mut("extend-int", lambda b: b.extend(5))
def aug(b):
    b += b"!!"
    b += bytearray(b"?")
    b *= 2
    return len(b)
mut("aug", aug)
def aug0(b):
    b *= 0
mut("imul0", aug0)
def augbad(b):
    b += "x"
mut("iadd-str", augbad)
def augbad2(b):
    b *= "x"
mut("imul-str", augbad2)
mut("clear", lambda b: b.clear())
b = bytearray(b"xy")
c = b
c += b"z"
print(b is c, b, bytearray(3), bytearray(b"ab") * 2, 2 * bytearray(b"c"), bytearray(b"a") + b"b", b"a" + bytearray(b"b"))
