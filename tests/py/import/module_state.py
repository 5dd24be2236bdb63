# Module-level state is shared by every importer; `from` imports copy the binding.
import _mod_basic
from _mod_basic import counter, bump
print(_mod_basic.counter, counter)
print(bump(), bump(), _mod_basic.bump())
print(_mod_basic.counter, counter)
_mod_basic.GREETING = "howdy"
print(_mod_basic.greet("you"))
_mod_basic.new_attr = "set from outside"
import _mod_basic as again
print(again.new_attr)
