# String literal forms and prefixes.
print('single', "double", '''triple
single''', """triple
double""")
print(r'raw\n', R"raw\t", rb'x\y', Rb"\d", bR'\w', BR"\s")
print(b'bytes', B"BYTES", u'unicode', U"UNICODE")
print(f'{1+1}', F"{2*3}", rf'{3}\n', fR"{4}\t", Rf'\x', FR'\{5}')
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("""has "double" quotes""", '''has 'single' quotes''')
print(len(''), len(""), len(''''''), len(""""""))
print(repr('a' 'b'), repr(b'a' b'b'))
print('\
continued')
