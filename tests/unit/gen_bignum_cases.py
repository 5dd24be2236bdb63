#!/usr/bin/env python3
"""gen_bignum_cases.py - writes tests/unit/data/bignum_cases.txt, the expected
values for test_bignum.c, computed by CPython (the oracle for every result).

Deterministic (fixed seed): rerunning it reproduces the same file.

File format: one case per line, space-separated tokens, '#' starts a comment.
  integers  hex magnitude with an optional '-', e.g. 1f, -ff, 0
  doubles   16 hex digits of the IEEE-754 bit pattern
  text      for tostr the expected digits; for parse the input as hex bytes
Lines (inputs then expected outputs):
  cmp A B c | add A B R | sub A B R | adds A B R | mul A B R
  mulsmall A m add R | divsmall A d Q rem | divmod A B Q R
  lshift A s R | rshift A s R | bitop op A B R  (op is and/or/xor)
  bitlen A n | hash A h | gcd A B R | isqrt A R | powmod B E M R
  todouble A D|ovf | frexp A D e | truediv A B D|ovf | fromdouble D R
  cmpdouble A D c | tostr base A text | parse base hexbytes R|invalid
"""
import math
import os
import random
import struct
import sys

sys.set_int_max_str_digits(0)

B = 1 << 32
# keep in step with the thresholds in vm/bignum.c
KARA = 28          # KARA_THRESH (digits)
KARA_SQ = 48       # KARA_SQR_THRESH
BZ = 200           # DIV_BZ_THRESH: divisor and quotient digits for Burnikel-Ziegler
STR_DC = 24        # STR_DC_THRESH (digits)
PARSE_DC = 800     # PARSE_DC_THRESH (characters)
rng = random.Random(20240611)
out = []


def h(x):
    return ('-' + format(-x, 'x')) if x < 0 else format(x, 'x')


def dbits(x):
    return struct.pack('>d', x).hex()


def rand_digits(n, style=None):
    """A random n-digit magnitude (top digit nonzero)."""
    if n == 0:
        return 0
    style = style or rng.choice(['uniform'] * 4 + ['edge', 'ones', 'sparse'])
    ds = []
    for _ in range(n):
        if style == 'uniform':
            ds.append(rng.getrandbits(32))
        elif style == 'edge':
            ds.append(rng.choice([0, 1, 2, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE,
                                  0xFFFFFFFF, rng.getrandbits(32)]))
        elif style == 'ones':
            ds.append(0xFFFFFFFF if rng.random() < 0.9 else rng.getrandbits(32))
        else:
            ds.append(rng.getrandbits(32) if rng.random() < 0.1 else 0)
    if ds[-1] == 0:
        ds[-1] = rng.randrange(1, B)
    return sum(d << (32 * i) for i, d in enumerate(ds))


SPECIAL = [0, 1, 2, 3, B - 1, B, B + 1, B * B - 1, B * B, B * B + 1,
           (1 << 53) - 1, 1 << 53, (1 << 53) + 1, (1 << 61) - 1, (1 << 61) - 2, 1 << 61,
           (1 << 63), 10 ** 9, 10 ** 18, 10 ** 19, 10 ** 100]


def rand_size():
    r = rng.random()
    if r < 0.35:
        return rng.randint(1, 4)
    if r < 0.6:
        return rng.randint(1, 20)
    if r < 0.9:
        return rng.randint(KARA - 6, KARA + 6)
    if r < 0.98:
        return rng.randint(KARA, 3 * KARA)
    return rng.randint(100, 300)


def small_int():
    """For operations without size thresholds: up to 12 digits."""
    return rand_int(rng.randint(0, 12)) if rng.random() < 0.85 else rand_int()


def rand_int(size=None):
    r = rng.random()
    if size is None and r < 0.12:
        return rng.choice(SPECIAL)
    if size is None and r < 0.2:
        k = rng.randint(0, 700)
        return (1 << k) + rng.choice([-1, 0, 0, 1]) if k else 1
    return rand_digits(size if size is not None else rand_size())


def signed(x):
    return -x if x and rng.random() < 0.5 else x


def emit(*tok):
    out.append(' '.join(str(t) for t in tok))


def gen_arith():
    out.append('# comparison and additive')
    for _ in range(300):
        a, b = small_int(), small_int()
        if rng.random() < 0.2:
            b = a + rng.choice([-1, 0, 1]) if a else a
        emit('cmp', h(a), h(b), (a > b) - (a < b))
        emit('add', h(a), h(b), h(a + b))
        lo, hi = min(a, b), max(a, b)
        emit('sub', h(hi), h(lo), h(hi - lo))
        sa, sb = signed(a), signed(b)
        if rng.random() < 0.2:
            sb = -sa
        emit('adds', h(sa), h(sb), h(sa + sb))


def gen_mul():
    out.append('# multiplication')
    sizes = [(1, 1), (2, 1), (KARA - 1, KARA - 1), (KARA, KARA), (KARA + 1, KARA + 1),
             (2 * KARA, 2 * KARA), (2 * KARA + 1, 2 * KARA - 1), (3 * KARA, KARA),
             (5 * KARA + 3, KARA), (KARA + 5, KARA), (160, 160), (161, 159), (333, 200)]
    for na, nb in sizes:
        for style in ('uniform', 'ones', 'edge') if na < 100 else ('uniform', 'ones'):
            a, b = rand_digits(na, style), rand_digits(nb, style)
            emit('mul', h(a), h(b), h(a * b))
    for na, nb in [(600, 600), (1500, 50)]:  # larger sizes: see prop_mul in the C test
        a, b = rand_digits(na), rand_digits(nb)
        emit('mul', h(a), h(b), h(a * b))
    for n in (1, 2, KARA_SQ - 1, KARA_SQ, KARA_SQ + 1, 2 * KARA_SQ + 1, 300):
        for style in ('uniform', 'ones'):
            a = rand_digits(n, style)
            emit('mul', h(a), h(a), h(a * a))
    for _ in range(150):
        a, b = rand_int(), rand_int()
        emit('mul', h(a), h(b), h(a * b))
    for _ in range(150):
        a = small_int()
        m = rng.choice([0, 1, B - 1, rng.getrandbits(32), 10, 10 ** 9])
        add = rng.choice([0, 1, B - 1, rng.getrandbits(32)])
        emit('mulsmall', h(a), h(m), h(add), h(a * m + add))



def gen_div():
    out.append('# division')
    for _ in range(150):
        a = small_int()
        d = rng.choice([1, 2, 3, 7, 10, 10 ** 9, B - 1, 0x80000000, rng.getrandbits(32) or 1])
        emit('divsmall', h(a), h(d), h(a // d), h(a % d))
    cases = []
    for _ in range(300):
        a, b = rand_int(), rand_int()
        if b == 0:
            b = 1
        cases.append((a, b))
    # constructed: a = q*b + r with edge-style digits (exercises qhat corrections)
    for _ in range(300):
        nb = rng.choice([2, 2, 3, 4, 5, 8, 16])
        nq = rng.choice([1, 2, 3, 5, 9])
        style = rng.choice(['edge', 'ones', 'uniform'])
        b = rand_digits(nb, style)
        q = rand_digits(nq, style)
        r = rng.choice([0, b - 1, rng.randrange(b)])
        cases.append((q * b + r, b))
    # Burnikel-Ziegler sizes
    for nb, nq in [(BZ, BZ), (BZ + 1, BZ + 3), (257, 300), (300, 700), (BZ, 10),
                   (10, 3 * BZ), (250, 61), (61, 250)]:
        for style in ('uniform', 'ones', 'edge'):
            b = rand_digits(nb, style)
            q = rand_digits(nq, style)
            r = rng.choice([0, b - 1, rng.randrange(b)])
            cases.append((q * b + r, b))
    for a, b in cases:
        emit('divmod', h(a), h(b), h(a // b), h(a % b))


def gen_shift_bits():
    out.append('# shifts and bitwise')
    for _ in range(300):
        a = small_int()
        s = rng.choice([0, 1, 31, 32, 33, 63, 64, 65, rng.randint(0, 200), rng.randint(0, 3000)])
        emit('lshift', h(a), s, h(a << s))
        emit('rshift', h(a), s, h(a >> s))
    for _ in range(200):
        a, b = signed(small_int()), signed(small_int())
        if rng.random() < 0.15:
            b = -a
        if rng.random() < 0.1:
            a = -rng.choice([1, B - 1, B, B * B, 1 << rng.randint(0, 100)])
        emit('bitop', 'and', h(a), h(b), h(a & b))
        emit('bitop', 'or', h(a), h(b), h(a | b))
        emit('bitop', 'xor', h(a), h(b), h(a ^ b))
    for _ in range(150):
        a = small_int()
        emit('bitlen', h(a), a.bit_length())
        emit('hash', h(a), h(a % ((1 << 61) - 1)))
    P = (1 << 61) - 1
    for a in (P, P - 1, P + 1, 2 * P, P * P, (1 << 64) - 1, B ** 10 - 1):
        emit('hash', h(a), h(a % P))


def gen_number_theory():
    out.append('# gcd, isqrt, powmod')
    for _ in range(300):
        g = rand_int(rng.choice([1, 1, 2, 5, 20]))
        a, b = small_int() * g, small_int() * g
        emit('gcd', h(a), h(b), h(math.gcd(a, b)))
    for n in (1, 2, 3, 10, 50, 200):  # Fibonacci-like worst cases and equal inputs
        a = rand_int(n)
        emit('gcd', h(a), h(a), h(a))
    f0, f1 = 1, 1
    while f1.bit_length() < 3000:
        f0, f1 = f1, f0 + f1
    emit('gcd', h(f1), h(f0), h(1))
    emit('gcd', h(f1 * 12345), h(f0 * 12345), h(12345))
    for _ in range(300):
        a = small_int()
        if rng.random() < 0.3:
            s = small_int()
            a = s * s + rng.choice([-1, 0, 1, 2 * s]) if s else 0
        emit('isqrt', h(a), h(math.isqrt(a)))
    for _ in range(120):
        m = rand_int(rng.choice([1, 1, 2, 3, 8, 20, 70])) or 1
        b = rand_int(rng.choice([1, 2, 5, 30]))
        e = rand_int(rng.choice([1, 1, 2, 4, 12]))
        if rng.random() < 0.1:
            e = rng.choice([0, 1, 2, 3])
        if rng.random() < 0.05:
            m = 1
        emit('powmod', h(b), h(e), h(m), h(pow(b, e, m)))


def rand_double():
    r = rng.random()
    if r < 0.1:
        return rng.choice([0.0, -0.0, 0.5, 1.0, -1.0, 1.5, 2.0 ** 53, 2.0 ** 53 + 2,
                           2.0 ** 64, 1e308, -1e308, 1.7976931348623157e308, 5e-324,
                           float('inf'), float('-inf'), 4294967296.0, 4294967295.0])
    if r < 0.5:
        return math.ldexp(rng.uniform(-1, 1), rng.randint(-60, 1024))
    if r < 0.7:
        return float(rng.randint(-2 ** 70, 2 ** 70)) + rng.choice([0, 0.5, 0.25])
    return struct.unpack('>d', rng.getrandbits(64).to_bytes(8, 'big'))[0]


def frexp_exact(a):
    if a == 0:
        return 0.0, 0
    e = a.bit_length()
    m = a / (1 << e)
    if m == 1.0:
        m, e = 0.5, e + 1
    return m, e


def gen_floats():
    out.append('# floats')
    edges = [(1 << 1024) - (1 << 970), (1 << 1024) - (1 << 971), (1 << 1024) - (1 << 970) - 1,
             (1 << 1024), (1 << 53) + 1, (1 << 54) + 2, (1 << 54) + 6, (1 << 64) + (1 << 11),
             (1 << 64) + (1 << 11) + 1, (1 << 64) + 3 * (1 << 11), (1 << 2000) + 1]
    vals = edges + [small_int() for _ in range(300)]
    vals += [(rand_int(rng.randint(1, 40)) >> rng.randint(0, 31)) | 1 for _ in range(100)]
    for a in vals:
        try:
            emit('todouble', h(a), dbits(float(a)))
        except OverflowError:
            emit('todouble', h(a), 'ovf')
        m, e = frexp_exact(a)
        emit('frexp', h(a), dbits(m), e)
    tdiv = []
    for _ in range(500):
        a, b = small_int(), small_int() or 1
        if rng.random() < 0.3:  # ratios near the subnormal / overflow range
            k = rng.choice([1020, 1023, 1024, 1025, 1030, -1022, -1050, -1074, -1075, -1076,
                            -1080, 53, -53])
            b = rand_int(rng.randint(1, 6)) or 1
            a = b << k if k > 0 else b
            if k < 0:
                b <<= -k
            a += rng.choice([-1, 0, 1, rng.getrandbits(20)])
            a = max(a, 0)
        tdiv.append((a, b))
    tdiv += [(1, 3), (2, 3), (10 ** 400, 3 * 10 ** 90), (1, 1 << 1074), (1, 1 << 1075),
             (3, 1 << 1076), (1, (1 << 1075) - 1), ((1 << 1024) - (1 << 970), 1),
             ((1 << 1025) - (1 << 971), 2), ((1 << 2000) - 1, 1 << 976)]
    for a, b in tdiv:
        try:
            emit('truediv', h(a), h(b), dbits(a / b))
        except OverflowError:
            emit('truediv', h(a), h(b), 'ovf')
    for _ in range(300):
        x = rand_double()
        if math.isfinite(x):
            emit('fromdouble', dbits(x), h(abs(int(x))))
    for _ in range(400):
        x = rand_double()
        r = rng.random()
        if r < 0.4 and math.isfinite(x):
            a = int(x) + rng.choice([-1, 0, 0, 1])
        elif r < 0.5:
            a = 0
        else:
            a = signed(small_int())
        emit('cmpdouble', h(a), dbits(x), (a > x) - (a < x))


def to_base(a, base):
    if a == 0:
        return '0'
    if base == 10:
        return str(a)
    ds = []
    while a:
        a, r = divmod(a, base)
        ds.append('0123456789abcdefghijklmnopqrstuvwxyz'[r])
    return ''.join(reversed(ds))


def gen_text():
    out.append('# text')
    for _ in range(300):
        a = small_int()
        base = rng.choice([10, 10, 10, 2, 8, 16, 3, 7, 36, rng.randint(2, 36)])
        emit('tostr', base, h(a), to_base(a, base))
    for n in (STR_DC - 1, STR_DC, STR_DC + 1, 2 * STR_DC, 4 * STR_DC + 1, 321, 700):
        for base in (10, 10, 3, 36):
            a = rand_digits(n)
            if rng.random() < 0.5:  # runs of zero decimal digits inside
                a = (a // 10 ** 1000) * 10 ** 1000 + rng.randrange(10 ** 5)
                a = a or 1
            emit('tostr', base, h(a), to_base(a, base))
    emit('tostr', 10, h(10 ** 3000), str(10 ** 3000))
    emit('tostr', 10, h(10 ** 3000 - 1), str(10 ** 3000 - 1))

    def try_int(s, base):
        try:
            return h(int(s, base))
        except ValueError:
            return 'invalid'

    fixed = ['0x', '0x_1f', '0b1', '00', '0_0', '0_1', '010', ' -0x10 ', '- 1', '1__0', '_1',
             '1_', '0x1_', '\x0b12\x0c', '\x1c12', '0o_7', '0O7', '0b', '0_b1', '+0', '-0',
             'Z', '1_0', '0x10', '0b10', '0o10', '0b_1', '0_', '0__0', '-00', '0x_', '  ', '',
             '+-1', '0o', '1e5', '12 ', ' 12', '1 2', '\t\n\r 7 \r\n', '0X_F', '09', '0_9',
             '-0_0', '0x0', '0b0_0', '1\x00', '\x00', '+', '-', '++1', '0xg', '0x-1', '+_1']
    for s in fixed:
        for base in (0, 2, 8, 10, 16, 36):
            emit('parse', base, s.encode().hex() or '-', try_int(s, base))
    pieces = ['0', '0', '1', '7', '9', 'a', 'f', 'F', 'z', 'Z', 'g', '_', '_', 'x', 'X', 'o', 'b',
              'B', ' ', '-', '+', '.']
    for _ in range(1500):
        base = rng.choice([0, 0, 0, 10, 16, 2, 8, 36, rng.randint(2, 36)])
        r = rng.random()
        if r < 0.5:
            s = ''.join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        else:
            a = signed(rand_int(rng.randint(0, 6)))
            b = base or rng.choice([10, 16, 8, 2])
            s = to_base(abs(a), b)
            if '_' not in s and rng.random() < 0.4:
                s = '_'.join(s[i:i + 3] for i in range(0, len(s), 3))
            prefix = {16: '0x', 8: '0o', 2: '0b'}.get(b, '')
            if prefix and (base == 0 or rng.random() < 0.5):
                s = prefix + ('_' if rng.random() < 0.2 else '') + s
            if rng.random() < 0.3:
                s = s.upper()
            s = ('-' if a < 0 else rng.choice(['', '+'])) + s
            if rng.random() < 0.2:
                s = rng.choice([' ', '\t', '  \n']) + s + rng.choice(['', ' ', '\r\n'])
            if rng.random() < 0.1:
                i = rng.randint(0, len(s))
                s = s[:i] + rng.choice(pieces) + s[i:]
        emit('parse', base, s.encode().hex() or '-', try_int(s, base))
    for nd in (PARSE_DC, PARSE_DC + 1, 2 * PARSE_DC + 5, 7000):  # divide-and-conquer parse
        for base in (10, 7):
            s = ''.join(rng.choice('0123456789'[:base]) for _ in range(nd))
            s = rng.choice('123456'[:base - 1]) + s[1:]
            if rng.random() < 0.5:
                s = s[:nd // 3] + '_' + s[nd // 3:]
            emit('parse', base, s.encode().hex(), try_int(s, base))


def main():
    gen_arith()
    gen_mul()
    gen_div()
    gen_shift_bits()
    gen_number_theory()
    gen_floats()
    gen_text()
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), 'data', 'bignum_cases.txt')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write('# generated by tests/unit/gen_bignum_cases.py; do not edit\n')
        f.write('\n'.join(out) + '\n')
    print(f'{path}: {len(out)} lines, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
