# Basic facts every Python 3 interpreter shares.
import sys
print(sys.version_info[0] == 3, isinstance(sys.maxsize, int), sys.getrecursionlimit() > 0)
print(type(print).__name__, type(len).__name__, type(int).__name__, type(sys).__name__)
print(int.__mro__[-1] is object, type.__mro__, issubclass(type, object))
print(callable(type), isinstance(object, type), isinstance(type, type))
