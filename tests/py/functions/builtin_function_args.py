# Keyword arguments to builtins.
print(sorted([3, 1, 2], reverse=True), int("ff", base=16), print("x", end="!\n") is None)
print(max([1, 2], key=lambda v: -v), "a,b".split(sep=","), "abc".encode(encoding="utf-8"))
print(round(number=2.567, ndigits=1), dict(a=1), list(enumerate("ab", start=5)))
try:
    len(obj=[1])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1], [2])
except TypeError as e:
    print("TypeError:", e)
