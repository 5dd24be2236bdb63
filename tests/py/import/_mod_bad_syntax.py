"""Helper: this module has a syntax error."""
def broken(:
    pass
