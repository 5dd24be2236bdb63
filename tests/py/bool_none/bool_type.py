# bool type specifics.
print(bool(), bool(0), bool(2), bool("False"), True is bool(1), False is bool([]))
print(type(True), type(True).__mro__, bool.__base__)
print(True + True, True - False, True * False, True / True, True // True, True ** 2)
print(str(True), repr(False), f"{True}", format(True, "d"), format(False, ">5"), "%s %d" % (True, True))
print(True & False, True | False, True ^ True, ~True, -False, type(~True).__name__)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(bool.__name__, True.real, True.imag, True.numerator, True.denominator)
print(int("1") == True, True == 1.0, hash(True) == hash(1))
print(sum(x > 2 for x in range(6)), [True] * 2, True.__class__.__name__)
