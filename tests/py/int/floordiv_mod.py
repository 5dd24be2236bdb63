# Floor division and modulo follow the sign of the divisor.
for a in (7, -7, 0, 1, -1, 10 ** 20, -10 ** 20):
    for b in (3, -3, 1, -1, 10 ** 19 + 7, -(10 ** 19 + 7)):
        q, r = a // b, a % b
        assert q * b + r == a
        print(a, b, q, r, divmod(a, b) == (q, r))
