# Errors from dict methods and constructors.
d = {"a": 1}
for f in [lambda: d.get(), lambda: d.setdefault(), lambda: d.pop(), lambda: dict(1), lambda: dict("ab"),
          lambda: d.fromkeys(), lambda: d["b"], lambda: d.keys(1), lambda: d.update({}, {})]:
    try:
        f()
    except (TypeError, ValueError, KeyError) as e:
        # builtin argument-count messages vary inside CPython: print the type only
        print(type(e).__name__)
try:
    dict("ab")
except ValueError as e:
    print("ValueError:", e)
try:
    dict(1)
except TypeError as e:
    print("TypeError:", e)
