# hex() and fromhex().
b = b"\x00\x0f\xab\xff"
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -1), bytearray(b).hex(), b"".hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytearray.fromhex("41 42"))
print(bytes.fromhex("  0a0B  "), bytes.fromhex("FF").hex())
for bad in ["0", "zz", "0 1", "abc"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print("ValueError:", e)
