# CPython 3.11's limit on int<->str conversions of more than 4300 digits.
import sys
print(sys.get_int_max_str_digits())
ok = int("7" * 4300)
print(len(str(ok)))
try:
    int("7" * 4301)
except ValueError as e:
    print("ValueError:", e)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    print(big)
except ValueError as e:
    print("print:", e)
print(hex(big)[:10], len(hex(big)))
print(int("f" * 5000, 16) == 16 ** 5000 - 1)
sys.set_int_max_str_digits(6000)
print(len(str(big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 7000)))
