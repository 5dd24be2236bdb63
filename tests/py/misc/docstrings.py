# Docstrings on functions, classes and methods.
def documented():
    """First line.

    More detail here.
    """
def not_documented():
    x = "not a docstring"
    return x
def doc_after_code():
    pass
    """too late to be a docstring"""
class K:
    """Class doc."""
    def m(self):
        '''Method doc with 'quotes'.'''
print(repr(documented.__doc__))
print(not_documented.__doc__, doc_after_code.__doc__, K.__doc__, K.m.__doc__, K().m.__doc__)
print(documented.__doc__.splitlines()[0], (lambda: 0).__doc__)
class NoDoc:
    pass
print(NoDoc.__doc__)
