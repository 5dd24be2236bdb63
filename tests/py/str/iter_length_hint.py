import operator
it = iter("héllo")
print(operator.length_hint(it), it.__length_hint__())
next(it); next(it)
print(it.__length_hint__())
print(list(it), it.__length_hint__())
print(operator.length_hint(iter("")), operator.length_hint(iter("a€😀b")))
