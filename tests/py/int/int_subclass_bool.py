# bool is an int subclass; arithmetic yields ints.
print(isinstance(True, int), issubclass(bool, int), True + 1, True * 3.5)
print(sum([True, True, False]), True // 2, -True, ~True, abs(False))
print(True & 1, type(True & 1).__name__, type(True & True).__name__, type(True + 0).__name__)
print(int(True), float(False), str(True), repr(True))
print([10, 20][True], {True: 'x'}[1])
print(True == 1.0, hash(True) == 1)
