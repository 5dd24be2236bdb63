# Dispatching on type and shape with if/elif chains (txpy has no `match`).
def describe(v):
    if v == 0 and type(v) is int:
        return "zero"
    elif isinstance(v, bool):
        return "bool " + str(v)
    elif isinstance(v, int):
        return "negative" if v < 0 else "positive"
    elif isinstance(v, str):
        return "empty string" if not v else f"string of {len(v)}"
    elif isinstance(v, (list, tuple)):
        if len(v) == 2:
            return "pair"
        return f"sequence of {len(v)}"
    elif isinstance(v, dict) and "type" in v:
        return "tagged " + v["type"]
    elif v is None:
        return "none"
    else:
        return "other " + type(v).__name__
for v in [0, True, -3, 7, "", "abc", (1, 2), [1, 2, 3], {"type": "pt"}, {}, None, 2.5]:
    print(repr(v), "->", describe(v))
