# bytes() and bytearray() builtins.
print(bytes(3), bytes([1, 2]), bytes("hé", "utf-8"), bytes(b"x"), bytearray(b"ab"), bytearray(2), bytearray("é", "utf-8"))
try:
    bytes("no encoding")
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray([300])
except ValueError as e:
    print("ValueError:", e)
