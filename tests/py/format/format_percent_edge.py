# Edge cases of %-formatting: tuples, single values, literal percent.
t = (1, 2)
print("%s" % (t,), "%s and %s" % t, "%s" % [t], "%%s" % (), "%d%%" % 50)
print("%s" % "a%b", "%%5")
print("%c%c%c" % (104, 105, 33), "%.0s" % "gone", "%r" % 1.0, "%a" % "ü")
print("%(x)s %(x)r" % {"x": "q"}, "%s" % b"b", "%r" % (b"\xff",))
print("%#o %#x %#.3x" % (0, 0, 5), "%+.3d|% 5d|%-+6d|" % (5, 5, 5))
