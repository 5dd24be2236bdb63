# complex dunder methods and __complex__.
class C:
    def __complex__(self):
        return 2 + 5j
print(complex(C()))
print((1 + 2j).__add__(1), (1 + 2j).__radd__(1), (1 + 2j).__mul__("x"), complex.__neg__(1j))
class Half:
    def __float__(self):
        return 0.5
print(complex(Half()), complex(Half(), Half()))
print(bool(0j), bool(1j), bool(complex(0, -0.0)))
print(complex.__name__, (1j).__class__ is complex)
