# partition / rpartition.
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="), "".partition("x"))
print("a::b::c".partition("::"), "a::b::c".rpartition("::"), "=".partition("="))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".rpartition(None)
except TypeError as e:
    print("TypeError:", e)
