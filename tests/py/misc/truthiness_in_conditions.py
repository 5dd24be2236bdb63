# Truthiness rules applied in if/while/and/or/not.
values = [0, 0.0, 0j, "", b"", [], (), {}, set(), range(0), None, False, 1, -1, "0", " ", [0], (None,), {0: 0}]
print([bool(v) for v in values])
print([v for v in values if v][:5])
print(sum(1 for v in values if not v))
