# Algebraic identities over a grid of small and big ints (prints summary counts).
vals = [0, 1, -1, 2, -2, 7, -7, 255, 2 ** 31, -(2 ** 31), 2 ** 63 - 1, -(2 ** 63),
        2 ** 64 + 3, -(2 ** 90) + 5, 10 ** 30 + 17]
checked = 0
for a in vals:
    for b in vals:
        assert a + b == b + a and a * b == b * a
        assert (a + b) - b == a
        assert a ^ b ^ b == a and (a & b) | (a & ~b) == a
        assert -(a | b) == (~a & ~b) + 1
        if b:
            q, r = divmod(a, b)
            assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
        if 0 <= b < 200:
            assert (a << b) >> b == a and a >> b == a // 2 ** b
        checked += 1
print("checked", checked)
print(sum(vals), sum(v * v for v in vals) % 1000000007)
