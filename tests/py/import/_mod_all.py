"""Helper: __all__ restricts `from _mod_all import *`."""
__all__ = ["public_one", "PUBLIC_CONST"]
public_one = lambda: "public one"
public_two = lambda: "public two (not in __all__)"
PUBLIC_CONST = 99
