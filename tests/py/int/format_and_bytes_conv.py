# hex/oct/bin, to_bytes/from_bytes in both byte orders, signed and not,
# lengths at the edges, and as_integer_ratio/round on ints.
for n in [0, 1, -1, 127, 128, -128, -129, 255, 256, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -(2 ** 100) + 1]:
    L = (n.bit_length() + 8) // 8
    print(n, hex(n), oct(n), bin(n), n.to_bytes(L, "big", signed=True), n.to_bytes(L + 1, "little", signed=True),
          int.from_bytes(n.to_bytes(L, "big", signed=True), "big", signed=True) == n, n.as_integer_ratio(),
          round(n, -1), round(n, -2), round(n, 1))
    if n >= 0:
        print(n.to_bytes((n.bit_length() + 7) // 8, "big"), n.to_bytes(20, byteorder="little"))
print(int.from_bytes(b"\xff\x00", "little"), int.from_bytes(b"\x80", "big", signed=True), int.from_bytes([255, 1], "big"),
      int.from_bytes(b"", "big", signed=True), int.from_bytes(bytearray(b"\x01\x02"), "little"), int.from_bytes(b"\x01"))
print((65).to_bytes(), (1).to_bytes(2), type(bool.from_bytes(b"\x01", "big")).__name__, round(15, -1), round(25, -1), round(-35, -1))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-129).to_bytes(1, "big", signed=True), lambda: (-1).to_bytes(1, "big"),
            lambda: (1).to_bytes(1, "mid"), lambda: (1).to_bytes(1, 5), lambda: (1).to_bytes(-1, "big"),
            lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes([256], "big"), lambda: hex(1.5), lambda: (1).to_bytes("1")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
