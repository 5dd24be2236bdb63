# sys attributes with deterministic values.
import sys
print(sys.maxsize == 2 ** 63 - 1 or sys.maxsize == 2 ** 31 - 1, sys.maxsize > 2 ** 30)
print(sys.version_info[0], sys.version_info.major, type(sys.version_info[:2]).__name__, sys.version_info >= (3,))
print(type(sys.version).__name__, sys.byteorder in ("little", "big"), isinstance(sys.path, list))
print(sys.getrecursionlimit() >= 100, type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys)
print(sys.float_info.max, sys.float_info.epsilon)
print(callable(sys.exit), callable(sys.getrecursionlimit), hasattr(sys.stdout, "write"), hasattr(sys.stdin, "readline"))
