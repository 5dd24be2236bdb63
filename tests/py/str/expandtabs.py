# expandtabs.
s = "a\tbc\tdef\tg\n12345678\tx\r\ty"
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)))
print(repr("\t".expandtabs(3)), repr("no tabs".expandtabs()), repr("ab\t".expandtabs(-1)))
