# Errors raised while importing a module propagate; the module is not kept in sys.modules.
import sys
try:
    import _mod_raises
except ValueError as e:
    print("ValueError:", e)
print("_mod_raises" in sys.modules)
try:
    import _mod_raises
except ValueError as e:
    print("second attempt re-executes:", e)
try:
    import _mod_bad_syntax
except SyntaxError as e:
    print("SyntaxError:", type(e).__name__, e.lineno, e.filename.endswith("_mod_bad_syntax.py"))
