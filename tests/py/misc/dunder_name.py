# __name__, __doc__ and module globals of the main script.
"""Module docstring of the test."""
print(__name__, __doc__)
def f():
    "function doc"
print(f.__module__, f.__doc__)
print("__file__" in globals(), __file__.endswith("dunder_name.py"))
class C:
    pass
print(C.__module__, C.__qualname__)
