# Circular import between two helper modules (the partially-initialized pattern).
import _mod_circ_a
import _mod_circ_b
print(_mod_circ_a.from_a(), _mod_circ_b.from_b())
print(_mod_circ_a._mod_circ_b is _mod_circ_b, _mod_circ_b._mod_circ_a is _mod_circ_a)
