"""Helper: the other half of the circular import."""
print("start of _mod_circ_b")
import _mod_circ_a
print("in _mod_circ_b, _mod_circ_a partially initialized; A_VALUE =", _mod_circ_a.A_VALUE)
B_VALUE = "b-value"
def from_b():
    return "from_b sees " + _mod_circ_a.A_VALUE
print("end of _mod_circ_b")
