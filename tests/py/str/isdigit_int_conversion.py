# Parsing numbers out of strings with str methods.
data = "id:42, count: 7, ratio:3.5, neg:-3, code:0x1F, empty:, name:bob"
out = {}
for part in data.split(","):
    key, _, val = part.strip().partition(":")
    val = val.strip()
    if val.isdigit():
        out[key] = int(val)
    elif val.startswith("-") and val[1:].isdigit():
        out[key] = int(val)
    elif val.startswith("0x"):
        out[key] = int(val, 16)
    elif val.replace(".", "", 1).isdigit():
        out[key] = float(val)
    else:
        out[key] = val or None
print(out)
