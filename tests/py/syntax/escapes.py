# Escape sequences in str and bytes literals.
s = "\\ \' \" \a \b \f \n \r \t \v"
print([ord(c) for c in s])
print([ord(c) for c in "\0 \07 \101 \x41 \x7e"])
print("\u00e9 \u03a9 \U0001F600 \N{GREEK SMALL LETTER ALPHA} \N{LATIN CAPITAL LETTER E WITH ACUTE}")
print(len("\U0001F600"), len("\N{SNOWMAN}"))
print(list(b"\x00\xff\n\\\101"))
print(repr("\x00\x1f\x7f\x80\xa0\u2028"))
print("\q \w unknown escapes stay")  # SyntaxWarning-free in 3.11 (DeprecationWarning, hidden)
print(r"\q".encode(), len(r"\n"))
print(repr('\''), repr("\""), repr('"\''))
