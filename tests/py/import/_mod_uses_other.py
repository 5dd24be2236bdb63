"""Helper: imports another helper and re-exports a name."""
from _mod_basic import greet as basic_greet
import _mod_basic
def shout(name):
    return basic_greet(name).upper() + "!"
same_module = _mod_basic
