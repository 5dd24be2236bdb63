# Truth values of builtin objects.
vals = [0, 1, -1, 0.0, -0.0, 0.1, 0j, 1j, "", "a", " ", b"", b"\x00", [], [0], (), (None,),
        {}, {0: 0}, set(), {0}, frozenset(), range(0), range(1), None, True, False, float("nan")]
for v in vals:
    print(repr(v), bool(v), not v)
class Empty:
    pass
print(bool(Empty()), bool(Empty), bool(print), bool(bool))
