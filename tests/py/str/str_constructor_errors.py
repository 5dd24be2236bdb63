# Errors of str-related builtins and methods.
cases = [
    lambda: "abc".center(),
    lambda: "abc".index(),
    lambda: "abc".join(),
    lambda: "abc".upper(1),
    lambda: "abc".startswith(),
    lambda: str.upper(5),
    lambda: "a".foo,
    lambda: "abc".split(None, "1"),
    lambda: "abc".zfill(None),
    lambda: "{}".format_map([]),
]
for c in cases:
    try:
        c()
    except (TypeError, AttributeError, ValueError) as e:
        # argument-count messages of builtin methods vary inside CPython: type only
        print(type(e).__name__, str(e) if isinstance(e, AttributeError) else "")
