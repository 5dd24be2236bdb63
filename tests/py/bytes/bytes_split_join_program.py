# Parsing a small binary record format with bytes operations.
records = b"id=1;name=ann;score=9\nid=2;name=bob;score=7\n\nid=3;name=cy;score=10\n"
rows = []
for line in records.split(b"\n"):
    if not line:
        continue
    fields = dict(part.split(b"=", 1) for part in line.split(b";"))
    rows.append((int(fields[b"id"]), fields[b"name"].decode(), int(fields[b"score"])))
print(rows)
packed = b"".join(bytes([r[0], len(r[1])]) + r[1].encode() + r[2].to_bytes(2, "big") for r in rows)
print(packed, len(packed))
i, out = 0, []
while i < len(packed):
    rid, n = packed[i], packed[i + 1]
    name = packed[i + 2:i + 2 + n].decode()
    score = int.from_bytes(packed[i + 2 + n:i + 4 + n], "big")
    out.append((rid, name, score))
    i += 4 + n
print(out == rows)
