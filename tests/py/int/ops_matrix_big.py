# int arithmetic across the small/big boundary (48-bit small ints, 2**47,
# 2**63, 2**64 ...): + - * // % / & | ^ divmod, shifts, pow with modulus.
ints = [0, 1, -1, 7, -3, 255, 2 ** 31 - 1, -2 ** 31, 2 ** 47 - 1, -2 ** 47, 2 ** 47, -2 ** 47 - 1, 2 ** 63, -2 ** 63,
        2 ** 64 + 1, 10 ** 20, -10 ** 25, 3 ** 100, -(7 ** 60)]
def safe(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__
for a in ints:
    for b in ints:
        print(a, b, a + b, a - b, a * b, safe(lambda: a // b), safe(lambda: a % b), safe(lambda: divmod(a, b)),
              safe(lambda: a / b), a & b, a | b, a ^ b, a < b, a == b, a >= b)
    for s in (0, 1, 17, 47, 48, 63, 64, 100):
        print(a, s, a << s, a >> s)
    for m in (1, 7, -7, 2 ** 61 - 1, 10 ** 30 + 7):
        print(a, m, pow(a, 5, m), pow(a, 65537, m), safe(lambda: pow(a, -1, m)))
    print(a, -a, ~a, abs(a), a.bit_length(), a.bit_count(), a ** 2, a ** 3 if abs(a) < 2 ** 70 else 0)
