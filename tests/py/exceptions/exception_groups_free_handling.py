# Handling many exception kinds in a loop with a dispatch table.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["x"]
    if kind == "attr":
        return object().x
    if kind == "type":
        return 1 + ""
    if kind == "value":
        return int("?")
    return "fine"
handlers = {ZeroDivisionError: "math", KeyError: "lookup", AttributeError: "attr", TypeError: "type"}
for k in ["zero", "key", "attr", "type", "value", "ok"]:
    try:
        print(k, risky(k))
    except tuple(handlers) as e:
        print(k, "handled as", handlers[type(e)])
    except Exception as e:
        print(k, "generic", type(e).__name__)
