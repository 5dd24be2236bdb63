# Importing missing modules raises ModuleNotFoundError with the module name.
try:
    import nosuchmodule_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "|", e.name)
try:
    from nosuchmodule_abc import thing
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    import nosuchpkg_q.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from json import nonexistent_function
except ImportError as e:
    print("ImportError:", str(e).startswith("cannot import name 'nonexistent_function' from 'json'"))
print(issubclass(ModuleNotFoundError, ImportError))
