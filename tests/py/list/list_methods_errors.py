# Argument errors of list methods.
a = [1, 2, 3]
for f in [lambda: a.index(), lambda: a.count(), lambda: a.sort(1), lambda: a.copy(1), lambda: a.reverse(1),
          lambda: a.insert(1), lambda: a.remove(), lambda: a.pop(1, 2), lambda: a.clear(0), lambda: a.nosuch]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        # argument-count messages of builtin methods vary inside CPython: type only
        print(type(e).__name__, str(e) if isinstance(e, AttributeError) else "")
