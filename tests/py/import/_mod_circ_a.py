"""Helper: half of a circular import (imports _mod_circ_b at the end)."""
print("start of _mod_circ_a")
A_VALUE = "a-value"
def from_a():
    return "from_a sees " + _mod_circ_b.B_VALUE
import _mod_circ_b
print("end of _mod_circ_a")
