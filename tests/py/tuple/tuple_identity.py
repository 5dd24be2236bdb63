# tuple() of a tuple returns the same object; slicing a full tuple too.
t = (1, 2, 3)
print(tuple(t) is t, t[:] is t, t[::1] is t, t + () == t)
u = t
t += (4,)
print(t, u, t is u)
e1 = ()
e2 = tuple()
print(e1 == e2, len(e1))
