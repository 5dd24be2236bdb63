# import, from-import, import-as of a helper module next to this test.
import _mod_basic
from _mod_basic import greet, Thing
from _mod_basic import GREETING as G
import _mod_basic as mb
print(_mod_basic.greet("ann"), greet("bob"), G, Thing(3), mb is _mod_basic, mb.__name__)
print(type(_mod_basic).__name__, _mod_basic.__doc__)
print(sorted(n for n in dir(_mod_basic) if not n.startswith("__")))
