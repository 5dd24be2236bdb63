# Control flow at module level: conditional definitions.
import sys
if sys.version_info[0] >= 3:
    def greet():
        return "py3"
else:
    def greet():
        return "py2"
print(greet())
try:
    import math as m
    HAVE_MATH = True
except ImportError:
    HAVE_MATH = False
print(HAVE_MATH, m.floor(2.7))
for name in ["first", "second"]:
    def make(n=name):
        return n.upper()
    print(make())
