# A module imported twice (in any form) is executed once.
import _mod_basic
import _mod_basic
from _mod_basic import bump
import _mod_basic as again
import sys
print(_mod_basic is again, sys.modules["_mod_basic"] is _mod_basic)
import _mod_uses_other
print(_mod_uses_other.same_module is _mod_basic, _mod_uses_other.shout("x"))
