"""Helper: raises while being imported."""
print("_mod_raises starts")
VALUE = 1
raise ValueError("error during module import")
