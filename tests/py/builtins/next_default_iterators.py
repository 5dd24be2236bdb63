# next() with defaults across iterator types.
its = [iter([]), iter(""), iter({}), iter(range(0)), (x for x in ()), iter(set()), map(str, []), zip(), enumerate([])]
print([next(it, "empty") for it in its])
d = {"a": 1}
di = iter(d.items())
print(next(di), next(di, "done"))
