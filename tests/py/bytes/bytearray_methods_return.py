# bytearray methods return bytearray; in-place ops keep identity.
ba = bytearray(b"Hello World")
print(type(ba.upper()).__name__, type(ba[1:]).__name__, type(ba.split()[0]).__name__, ba.upper())
alias = ba
ba += b"!"
print(ba is alias, alias)
ba2 = ba.copy()
ba2[0] = 0x4a
print(ba, ba2)
print(ba.replace(b"o", b"0"), ba.strip(b"H!"), ba.partition(b" "), ba.title())
print(bytearray(b"abc") == b"abc", bytearray(b"ab") + b"c", list(bytearray(b"hi")))
