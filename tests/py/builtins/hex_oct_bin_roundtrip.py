# Round trips between int() and hex/oct/bin.
for n in [0, 1, 7, 8, 255, 1024, -1, -4096, 2 ** 64 + 1, -(3 ** 50)]:
    assert int(hex(n), 16) == n and int(oct(n), 8) == n and int(bin(n), 2) == n and int(hex(n), 0) == n
    print(n, hex(n), oct(n), bin(n)[:20])
