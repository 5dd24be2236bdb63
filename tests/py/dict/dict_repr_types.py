# Repr of dicts with various keys and values.
print({1: [1, 2], "k": {"n": None}, (1, 2): {1.5}, b"b": (), None: ..., True: False})
print(dict(a="x'y"), {"q": 'd"q'}, {"": ""}, str({}), repr({1: {}}))
