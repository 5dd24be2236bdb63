# User classes delegating to numeric formatting through __index__/__float__ do NOT
# get numeric format specs: object.__format__ only accepts an empty spec.
class Idx:
    def __index__(self):
        return 10
    def __str__(self):
        return "Idx!"
class Flt:
    def __float__(self):
        return 1.5
    def __repr__(self):
        return "Flt()"
print(format(Idx()), f"{Idx()}", f"{Idx()!r}"[:5] == "<__ma", "%x" % Idx(), "%d" % Idx(), "%5.1f" % Flt())
for obj, spec in [(Idx(), "d"), (Flt(), ".1f")]:
    try:
        format(obj, spec)
    except TypeError as e:
        print("TypeError:", e)
print(f"{Flt()!r:>8}", "%s %r" % (Flt(), Flt()))
