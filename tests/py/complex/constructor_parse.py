# complex() from strings (all accepted forms and the malformed ones), from
# numbers and pairs (signed zeros kept), __complex__/__float__/__index__.
texts = ["1+2j", " (1+2j) ", "1-2J", "-j", "+j", "j", "1e5j", "1e5+1e-5j", "inf+nanj", "-infj", "(1)", "( 1 )",
         "1 +2j", "1+ 2j", "((1+2j))", "1+2", "1+2jj", "2j+1", "1e5e5", "1_0j", "1_0+2_0j", "1__0", "_1", "1_", "١+٢j",
         "(1+2j", "1+2j)", "0x1", "", " ", "nan", "-1.5e-3-2.5e+3j", "1e500j"]
for t in texts:
    try:
        print(repr(t), complex(t))
    except ValueError as e:
        print(repr(t), "ValueError:", e)
class C:
    def __complex__(self):
        return 3 + 4j
class D:
    def __complex__(self):
        return 5
class E:
    def __float__(self):
        return 1.5
class G:
    def __index__(self):
        return 7
for args in [(1, 2), (1j, 2), (1, 2j), (1j, 1j), (-0.0, -0.0), (0, -0.0), (-0.0,), (2.5,), (True, False), (C(),),
             (E(), E()), (G(), G()), ("1", 2), (1, "2"), (None,), (1, None), ([],), (D(),)]:
    try:
        print(args if not isinstance(args[0], (C, D, E, G)) else type(args[0]).__name__, complex(*args))
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(complex(real=1, imag=2), complex(imag=2), complex(), repr(complex(-0.0, 0)), repr(-0j), repr(complex(0, -0.0)))
