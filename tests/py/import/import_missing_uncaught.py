# An uncaught ModuleNotFoundError for a missing module exits 1.
print("before import")
import nosuch_module_uncaught
