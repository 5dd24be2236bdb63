# Uncaught KeyError shows the key's repr (exit 1).
d = {"a": 1}
d["it's"]
