# from module import * honours __all__ and skips underscore names.
from _mod_all import *
print(public_one(), PUBLIC_CONST)
try:
    public_two
except NameError as e:
    print("NameError:", e)
from _mod_basic import *
print(greet("star"), GREETING)
try:
    _private
except NameError as e:
    print("NameError:", e)
