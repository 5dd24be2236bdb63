# ImportError / ModuleNotFoundError for missing modules and names.
try:
    import nosuch_module_for_txpy
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from _mod_basic import does_not_exist
except ImportError as e:
    print(type(e).__name__ + ":", str(e).split(" (")[0])
try:
    import _mod_basic.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", str(e).split(";")[0])
print(issubclass(ModuleNotFoundError, ImportError))
