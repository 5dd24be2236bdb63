# enum: Flag and IntFlag composition, iteration, inversion, auto values, boundaries.
from enum import Flag, IntFlag, auto
class P(Flag):
    R = 4
    W = 2
    X = 1
rw = P.R | P.W
print(rw, repr(rw), P.R in rw, P.X in rw, bool(P(0)), repr(P(0)), list(rw) if hasattr(rw, '__iter__') else '', rw.value, ~P.R)
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | 8), Perm.R | 1 == 5, Perm(7))
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
print([m.value for m in F], F.A | F.C)
class Opt(Flag):
    A = 1
    B = 2
    AB = 3
    C = 8
print(list(Opt), repr(Opt(3)), repr(Opt.AB), list(Opt.AB), repr(~Opt.A), repr(Opt.A | Opt.C), len(Opt(11)))
for bad in [lambda: Opt(4), lambda: Opt(16), lambda: Opt.A | 2, lambda: Opt.A in 1]:
    try:
        bad()
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__ + ":", str(exc).splitlines()[0])
print(repr(Perm(0)), list(Perm(7)), repr(Perm(-1)), repr(~Perm.R), Perm.R in Perm(6), len(Perm(7)), Perm(13))
print(bool(Opt(0)), Opt(0) is Opt(0), Opt.A & Opt.AB, Opt.AB ^ Opt.B, Opt.C | Opt.AB, hash(Opt.A) == hash(Opt.A))
