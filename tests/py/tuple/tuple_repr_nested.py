# Repr of nested and single-element tuples.
print((1,), ((1,),), (1, (2, (3,))), ((),), ([], {}), ("a",), (None,), (1.5, "x", b"y"))
print(str((1, "s")), repr(("s",)), f"{(1, 2)}", "%s" % ((1, 2),), "{}".format((1,)))
