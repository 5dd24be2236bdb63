# Errors from set methods.
s = {1}
for f in [lambda: s.remove(2), lambda: s.add(), lambda: s.update(1), lambda: s.issubset(1), lambda: s.union(1),
          lambda: s ^ [1], lambda: s - [1], lambda: frozenset().pop() if hasattr(frozenset(), "pop") else {}.pop()]:
    try:
        f()
    except (KeyError, TypeError) as e:
        print(type(e).__name__)
try:
    s.update(5)
except TypeError as e:
    print("TypeError:", e)
try:
    s - [1]
except TypeError as e:
    print("TypeError:", e)
