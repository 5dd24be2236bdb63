/* bignum.c - arbitrary-precision integer kernels behind txpy's int (the
 * contracts are in bignum.h).
 *
 * Invariants kept throughout:
 *  - Public functions take normalized magnitudes and return normalized
 *    lengths; internal helpers (static, on fixed-width digit vectors) may see
 *    leading zero digits and always write exactly the width they state.
 *  - No global mutable state (only constant tables): scratch lives on the
 *    stack when small (a few hundred bytes) and otherwise is malloc'd by the
 *    function that needs it and freed before the public call returns, so all
 *    functions are reentrant and thread-safe.  Allocation failure is
 *    reported as BN_NOMEM, never as a wrong result.
 *  - Digits are 32 bits and every digit product is accumulated in 64 bits:
 *    a*b + c + d <= 2^64 - 1 for 32-bit a, b, c, d.
 *  - Inputs that break a stated precondition (zero divisor, bad base, NaN)
 *    give a harmless value (BN_INVALID where a length is returned), never a
 *    crash.
 *
 * Algorithms: schoolbook multiplication and squaring below KARA_THRESH digits,
 * Karatsuba above (lopsided products are cut into balanced pieces); Knuth's
 * algorithm D for division, Burnikel-Ziegler recursive division when both the
 * divisor and the quotient are long; Lehmer's gcd; isqrt by Newton steps
 * with precision doubling; sliding-window modular exponentiation; base
 * conversion by repeated division by the largest power of the base that fits
 * in a digit, divide-and-conquer (by powers base^(k*2^i)) above a few dozen
 * digits, and parsing by multiply-accumulate in chunks of k characters,
 * divide-and-conquer above PARSE_DC_THRESH characters.
 */
#include "bignum.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Tuning: crossovers measured on x86-64 (gcc -O2) by timing each operation
 * over a range of sizes for each candidate value; all were flat near these
 * values.  tests/unit/gen_bignum_cases.py aims its cases at them. */
#define KARA_THRESH 28        /* digits: Karatsuba multiply at or above */
#define KARA_SQR_THRESH 48    /* digits: Karatsuba squaring at or above */
#define BZ_THRESH 64          /* digits: Burnikel-Ziegler base-case size */
#define DIV_BZ_THRESH 200     /* digits: Burnikel-Ziegler when divisor and quotient reach */
#define STR_DC_THRESH 24      /* digits: divide-and-conquer to_string at or above */
#define PARSE_DC_THRESH 800   /* characters: divide-and-conquer parse above */

#define SMALL_SCRATCH 128     /* digits of stack scratch before falling back to malloc */

#define DIGIT_MASK ((bn_twodigits)0xFFFFFFFFu)

/* ======================================================================
 * Digit-vector primitives on fixed widths
 * ====================================================================== */

static size_t norm_len(const bn_digit *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

/* Number of significant bits of x (0 for 0). */
static int bitlen32(bn_digit x)
{
#if defined(__GNUC__) || defined(__clang__)
    return x ? 32 - __builtin_clz(x) : 0;
#else
    int n = 0;
    if (x >> 16) { n += 16; x >>= 16; }
    if (x >> 8) { n += 8; x >>= 8; }
    if (x >> 4) { n += 4; x >>= 4; }
    if (x >> 2) { n += 2; x >>= 2; }
    if (x >> 1) { n += 1; x >>= 1; }
    return n + (int)x;
#endif
}

static int bitlen64(uint64_t x)
{
    return (x >> 32) ? 32 + bitlen32((bn_digit)(x >> 32)) : bitlen32((bn_digit)x);
}

/* Compare a[0..n) with b[0..n). */
static int cmp_n(const bn_digit *a, const bn_digit *b, size_t n)
{
    while (n-- > 0) {
        if (a[n] != b[n])
            return a[n] < b[n] ? -1 : 1;
    }
    return 0;
}

/* r = a + b over n digits; returns the carry.  r may equal a or b. */
static bn_digit add_n(bn_digit *r, const bn_digit *a, const bn_digit *b, size_t n)
{
    bn_digit c = 0;
    for (size_t i = 0; i < n; i++) {
        bn_twodigits t = (bn_twodigits)a[i] + b[i] + c;
        r[i] = (bn_digit)t;
        c = (bn_digit)(t >> 32);
    }
    return c;
}

/* r = a - b over n digits; returns the borrow.  r may equal a or b. */
static bn_digit sub_n(bn_digit *r, const bn_digit *a, const bn_digit *b, size_t n)
{
    bn_digit c = 0;
    for (size_t i = 0; i < n; i++) {
        bn_twodigits t = (bn_twodigits)a[i] - b[i] - c;
        r[i] = (bn_digit)t;
        c = (bn_digit)(t >> 63);
    }
    return c;
}

/* r = a + c over n digits; returns the carry.  r may equal a. */
static bn_digit add_1(bn_digit *r, const bn_digit *a, size_t n, bn_digit c)
{
    size_t i = 0;
    for (; i < n && c; i++) {
        bn_digit s = a[i] + c;
        c = s < c;
        r[i] = s;
    }
    if (r != a)
        for (; i < n; i++)
            r[i] = a[i];
    return c;
}

/* r = a - c over n digits; returns the borrow.  r may equal a. */
static bn_digit sub_1(bn_digit *r, const bn_digit *a, size_t n, bn_digit c)
{
    size_t i = 0;
    for (; i < n && c; i++) {
        bn_digit s = a[i] - c;
        c = a[i] < c;
        r[i] = s;
    }
    if (r != a)
        for (; i < n; i++)
            r[i] = a[i];
    return c;
}

/* r[0..rn) += a[0..an), an <= rn; returns the carry out of r[rn-1]. */
static bn_digit add_into(bn_digit *r, size_t rn, const bn_digit *a, size_t an)
{
    bn_digit c = add_n(r, r, a, an);
    return add_1(r + an, r + an, rn - an, c);
}

/* r = a * m over n digits; returns the carry digit.  r may equal a. */
static bn_digit mul_1(bn_digit *r, const bn_digit *a, size_t n, bn_digit m)
{
    bn_twodigits c = 0;
    for (size_t i = 0; i < n; i++) {
        c += (bn_twodigits)a[i] * m;
        r[i] = (bn_digit)c;
        c >>= 32;
    }
    return (bn_digit)c;
}

/* r += a * m over n digits; returns the carry digit. */
static bn_digit addmul_1(bn_digit *r, const bn_digit *a, size_t n, bn_digit m)
{
    bn_twodigits c = 0;
    for (size_t i = 0; i < n; i++) {
        c += (bn_twodigits)a[i] * m + r[i];
        r[i] = (bn_digit)c;
        c >>= 32;
    }
    return (bn_digit)c;
}

/* r -= a * m over n digits; returns the borrow digit. */
static bn_digit submul_1(bn_digit *r, const bn_digit *a, size_t n, bn_digit m)
{
    bn_digit c = 0;
    for (size_t i = 0; i < n; i++) {
        bn_twodigits t = (bn_twodigits)a[i] * m + c;
        bn_digit lo = (bn_digit)t;
        c = (bn_digit)(t >> 32);
        c += r[i] < lo;
        r[i] -= lo;
    }
    return c;
}

/* r = a << s over n digits, 0 < s < 32; returns the bits shifted out.
 * Works from the top, so r may equal a or lie above it. */
static bn_digit lshift_small(bn_digit *r, const bn_digit *a, size_t n, int s)
{
    bn_digit out = a[n - 1] >> (32 - s);
    for (size_t i = n - 1; i > 0; i--)
        r[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
    r[0] = a[0] << s;
    return out;
}

/* r = a >> s over n digits, 0 < s < 32.  Works from the bottom, so r may
 * equal a or lie below it. */
static void rshift_small(bn_digit *r, const bn_digit *a, size_t n, int s)
{
    for (size_t i = 0; i + 1 < n; i++)
        r[i] = (a[i] >> s) | (a[i + 1] << (32 - s));
    r[n - 1] = a[n - 1] >> s;
}

/* q = a / d over n digits (q may be NULL or equal a); returns a % d. */
static bn_digit div_1(bn_digit *q, const bn_digit *a, size_t n, bn_digit d)
{
    bn_twodigits rem = 0;
    for (size_t i = n; i-- > 0;) {
        rem = (rem << 32) | a[i];
        if (q)
            q[i] = (bn_digit)(rem / d);
        rem %= d;
    }
    return (bn_digit)rem;
}

/* ======================================================================
 * Comparison and addition
 * ====================================================================== */

int bn_cmp(const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    return cmp_n(a, b, na);
}

size_t bn_add(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na < nb) {
        const bn_digit *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    bn_digit c = add_n(r, a, b, nb);
    c = add_1(r + nb, a + nb, na - nb, c);
    r[na] = c;
    return na + c;
}

size_t bn_sub(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    bn_digit c = sub_n(r, a, b, nb);
    sub_1(r + nb, a + nb, na - nb, c);
    return norm_len(r, na);
}

size_t bn_add_signed(bn_digit *r, bool *rneg, bool aneg, const bn_digit *a, size_t na,
                     bool bneg, const bn_digit *b, size_t nb)
{
    size_t n;
    if (aneg == bneg) {
        n = bn_add(r, a, na, b, nb);
        *rneg = aneg && n > 0;
        return n;
    }
    int c = bn_cmp(a, na, b, nb);
    if (c >= 0) {
        n = bn_sub(r, a, na, b, nb);
        *rneg = aneg && n > 0;
    } else {
        n = bn_sub(r, b, nb, a, na);
        *rneg = bneg;
    }
    return n;
}

/* ======================================================================
 * Multiplication
 * ====================================================================== */

/* r[0..na+nb) = a * b, na >= nb >= 1, r disjoint from a and b. */
static void mul_school(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    r[na] = mul_1(r, a, na, b[0]);
    for (size_t j = 1; j < nb; j++)
        r[na + j] = addmul_1(r + j, a, na, b[j]);
}

/* r[0..2n) = a * a, n >= 1: each cross product once, doubled, plus the
 * squares on the diagonal. */
static void sqr_school(bn_digit *r, const bn_digit *a, size_t n)
{
    r[0] = 0;
    r[2 * n - 1] = 0;
    if (n > 1) {
        r[n] = mul_1(r + 1, a + 1, n - 1, a[0]);
        for (size_t i = 1; i + 1 < n; i++)
            r[i + n] = addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
        lshift_small(r, r, 2 * n, 1);
    }
    bn_digit c = 0;
    for (size_t i = 0; i < n; i++) {
        bn_twodigits sq = (bn_twodigits)a[i] * a[i];
        bn_twodigits t = (bn_twodigits)r[2 * i] + (bn_digit)sq + c;
        r[2 * i] = (bn_digit)t;
        t = (bn_twodigits)r[2 * i + 1] + (bn_digit)(sq >> 32) + (t >> 32);
        r[2 * i + 1] = (bn_digit)t;
        c = (bn_digit)(t >> 32);
    }
}

/* r[0..nx) = |x - y|, where y has ny <= nx digits (zero-extended);
 * returns true when x < y. */
static bool abs_diff(bn_digit *r, const bn_digit *x, size_t nx, const bn_digit *y, size_t ny)
{
    bool less = norm_len(x + ny, nx - ny) == 0 && cmp_n(x, y, ny) < 0;
    if (less) {
        sub_n(r, y, x, ny);
        memset(r + ny, 0, (nx - ny) * sizeof(bn_digit));
    } else {
        bn_digit c = sub_n(r, x, y, ny);
        sub_1(r + ny, x + ny, nx - ny, c);
    }
    return less;
}

/* Scratch digits kara_mul / kara_sqr need for operands of n digits. */
static size_t kara_scratch(size_t n, size_t thresh)
{
    size_t s = 0;
    while (n >= thresh) {
        size_t l = n - n / 2;
        s += 4 * l + 1;
        n = l;
    }
    return s;
}

/* Combine the Karatsuba parts.  r[0..2h) holds z0 = a0*b0, r[2h..2n) holds
 * z2 = a1*b1, t[0..2l) holds |a1-a0|*|b1-b0|; w has 2l+1 digits of room.
 * r += (z0 + z2 -/+ t) << (32*h). */
static void kara_combine(bn_digit *r, size_t n, size_t h, const bn_digit *t, bool subtract,
                         bn_digit *w)
{
    size_t l = n - h;
    bn_digit c = add_n(w, r + 2 * h, r, 2 * h);
    w[2 * l] = add_1(w + 2 * h, r + 4 * h, 2 * l - 2 * h, c);
    if (subtract)
        w[2 * l] -= sub_n(w, w, t, 2 * l);
    else
        w[2 * l] += add_n(w, w, t, 2 * l);
    add_into(r + h, 2 * n - h, w, 2 * l + 1);
}

/* r[0..2n) = a[0..n) * b[0..n); s is scratch of kara_scratch(n) digits. */
static void kara_mul(bn_digit *r, const bn_digit *a, const bn_digit *b, size_t n, bn_digit *s)
{
    if (n < KARA_THRESH) {
        mul_school(r, a, n, b, n);
        return;
    }
    size_t h = n / 2, l = n - h;
    bn_digit *t = s, *da = s + 2 * l, *db = s + 3 * l, *next = s + 4 * l + 1;
    bool sa = abs_diff(da, a + h, l, a, h);
    bool sb = abs_diff(db, b + h, l, b, h);
    kara_mul(t, da, db, l, next);
    kara_mul(r, a, b, h, next);
    kara_mul(r + 2 * h, a + h, b + h, l, next);
    kara_combine(r, n, h, t, sa == sb, s + 2 * l);
}

/* r[0..2n) = a[0..n)^2; s is scratch of kara_scratch(n) digits. */
static void kara_sqr(bn_digit *r, const bn_digit *a, size_t n, bn_digit *s)
{
    if (n < KARA_SQR_THRESH) {
        sqr_school(r, a, n);
        return;
    }
    size_t h = n / 2, l = n - h;
    bn_digit *t = s, *da = s + 2 * l, *next = s + 4 * l + 1;
    abs_diff(da, a + h, l, a, h);
    kara_sqr(t, da, l, next);
    kara_sqr(r, a, h, next);
    kara_sqr(r + 2 * h, a + h, l, next);
    kara_combine(r, n, h, t, true, s + 2 * l);
}

/* r[0..na+nb) = a * b for fixed widths na, nb >= 1 (leading zeros allowed),
 * r disjoint from the inputs.  a == b with na == nb squares.  Returns 0, or
 * -1 when scratch memory is not available. */
static int mul_full(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na < nb) {
        const bn_digit *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if (a == b && na == nb) {
        if (na < KARA_SQR_THRESH) {
            sqr_school(r, a, na);
            return 0;
        }
        bn_digit *s = malloc(kara_scratch(na, KARA_SQR_THRESH) * sizeof(bn_digit));
        if (!s)
            return -1;
        kara_sqr(r, a, na, s);
        free(s);
        return 0;
    }
    if (nb < KARA_THRESH) {
        mul_school(r, a, na, b, nb);
        return 0;
    }
    size_t ks = kara_scratch(nb, KARA_THRESH);
    if (na == nb) {
        bn_digit *s = malloc(ks * sizeof(bn_digit));
        if (!s)
            return -1;
        kara_mul(r, a, b, nb, s);
        free(s);
        return 0;
    }
    /* Lopsided: cut a into nb-digit pieces, multiply each by b. */
    bn_digit *tmp = malloc((2 * nb + ks) * sizeof(bn_digit));
    if (!tmp)
        return -1;
    size_t i;
    kara_mul(r, a, b, nb, tmp + 2 * nb);
    memset(r + 2 * nb, 0, (na - nb) * sizeof(bn_digit));
    for (i = nb; na - i >= nb; i += nb) {
        kara_mul(tmp, a + i, b, nb, tmp + 2 * nb);
        add_into(r + i, na + nb - i, tmp, 2 * nb);
    }
    if (i < na) {
        if (mul_full(tmp, b, nb, a + i, na - i) < 0) {
            free(tmp);
            return -1;
        }
        add_into(r + i, na + nb - i, tmp, nb + na - i);
    }
    free(tmp);
    return 0;
}

size_t bn_mul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (na == 0 || nb == 0)
        return 0;
    if (mul_full(r, a, na, b, nb) < 0)
        return BN_NOMEM;
    return norm_len(r, na + nb);
}

size_t bn_mul_small(bn_digit *r, const bn_digit *a, size_t na, bn_digit m, bn_digit add)
{
    bn_twodigits c = add;
    for (size_t i = 0; i < na; i++) {
        c += (bn_twodigits)a[i] * m;
        r[i] = (bn_digit)c;
        c >>= 32;
    }
    r[na] = (bn_digit)c;
    return norm_len(r, na + 1);
}

/* ======================================================================
 * Division
 * ====================================================================== */

bn_digit bn_divmod_small(bn_digit *q, size_t *nq, const bn_digit *a, size_t na, bn_digit d)
{
    if (d == 0) {
        if (nq)
            *nq = 0;
        return 0;
    }
    bn_digit rem = div_1(q, a, na, d);
    if (nq)
        *nq = q ? norm_len(q, na) : 0;
    return rem;
}

/* Knuth's algorithm D on prepared operands: v[0..nv) has its top bit set,
 * nv >= 2; u[0..nu) with nu > nv and u[nu-nv..nu) < v.  Stores the nu - nv
 * quotient digits in q (unless q is NULL) and leaves the remainder in
 * u[0..nv), zeroing the rest of u. */
static void div_knuth(bn_digit *q, bn_digit *u, size_t nu, const bn_digit *v, size_t nv)
{
    bn_digit v1 = v[nv - 1], v2 = v[nv - 2];
    for (size_t j = nu - nv; j-- > 0;) {
        bn_digit *w = u + j; /* the window w[0..nv] */
        bn_digit top = w[nv];
        bn_twodigits num = ((bn_twodigits)top << 32) | w[nv - 1];
        bn_twodigits qhat, rhat;
        if (top >= v1) { /* then top == v1 and the quotient digit is B-1 at most */
            qhat = DIGIT_MASK;
            rhat = num - qhat * v1;
        } else {
            qhat = num / v1;
            rhat = num % v1;
        }
        while (rhat <= DIGIT_MASK && qhat * v2 > ((rhat << 32) | w[nv - 2])) {
            qhat--;
            rhat += v1;
        }
        bn_digit borrow = submul_1(w, v, nv, (bn_digit)qhat);
        if (borrow > top) { /* qhat was one too large: add v back */
            qhat--;
            add_n(w, w, v, nv);
        }
        w[nv] = 0;
        if (q)
            q[j] = (bn_digit)qhat;
    }
}

/* ---- Burnikel-Ziegler ----
 * div21(n): a[0..2n) / b[0..n) with a[n..2n) < b and b's top bit set; q gets
 * n digits, r gets n digits.  div32(h): a[0..3h) / b[0..2h) with
 * a[h..3h) < b; q gets h digits, r gets 2h digits. */

static size_t bz_scratch21(size_t n);

static size_t bz_scratch32(size_t h)
{
    return 4 * h + 1 + bz_scratch21(h);
}

static size_t bz_scratch21(size_t n)
{
    if (n % 2 != 0 || n < BZ_THRESH)
        return 2 * n;
    return 3 * (n / 2) + bz_scratch32(n / 2);
}

static int bz_div32(bn_digit *q, bn_digit *r, const bn_digit *a, const bn_digit *b, size_t h,
                    bn_digit *s);

static int bz_div21(bn_digit *q, bn_digit *r, const bn_digit *a, const bn_digit *b, size_t n,
                    bn_digit *s)
{
    if (n % 2 != 0 || n < BZ_THRESH) {
        memcpy(s, a, 2 * n * sizeof(bn_digit));
        div_knuth(q, s, 2 * n, b, n);
        memcpy(r, s, n * sizeof(bn_digit));
        return 0;
    }
    size_t h = n / 2;
    bn_digit *t = s; /* t[0..3h) = a0 followed by the first remainder */
    if (bz_div32(q + h, t + h, a + h, b, h, s + 3 * h) < 0)
        return -1;
    memcpy(t, a, h * sizeof(bn_digit));
    return bz_div32(q, r, t, b, h, s + 3 * h);
}

static int bz_div32(bn_digit *q, bn_digit *r, const bn_digit *a, const bn_digit *b, size_t h,
                    bn_digit *s)
{
    bn_digit *rr = s, *d = s + 2 * h + 1, *next = s + 4 * h + 1;
    const bn_digit *b1 = b + h;
    memcpy(rr, a, h * sizeof(bn_digit));
    if (cmp_n(a + 2 * h, b1, h) < 0) {
        if (bz_div21(q, rr + h, a + h, b1, h, next) < 0)
            return -1;
        rr[2 * h] = 0;
    } else {
        /* a2 == b1: q = B^h - 1 and [a2 a1] - q*b1 = a1 + b1. */
        memset(q, 0xFF, h * sizeof(bn_digit));
        rr[2 * h] = add_n(rr + h, a + h, b1, h);
    }
    if (mul_full(d, q, h, b, h) < 0)
        return -1;
    bn_digit borrow = sub_n(rr, rr, d, 2 * h);
    bool neg = rr[2 * h] < borrow;
    rr[2 * h] -= borrow;
    while (neg) {
        sub_1(q, q, h, 1);
        bn_digit c = add_n(rr, rr, b, 2 * h);
        bn_digit top = rr[2 * h] + c;
        if (top < c)
            neg = false;
        rr[2 * h] = top;
    }
    memcpy(r, rr, 2 * h * sizeof(bn_digit));
    return 0;
}

/* Burnikel-Ziegler division of normalized a by b (nb > BZ_THRESH).  Same
 * outputs as bn_divmod.  Returns 0 or -1 for memory. */
static int div_bz(bn_digit *q, size_t *nq, bn_digit *r, size_t *nr, const bn_digit *a,
                  size_t na, const bn_digit *b, size_t nb)
{
    size_t m = 1;
    while (m * BZ_THRESH < nb)
        m *= 2;
    size_t n = (nb + m - 1) / m * m; /* block size: halves evenly down to <= BZ_THRESH */
    size_t pad = n - nb;
    int bits = 32 - bitlen32(b[nb - 1]);
    size_t nap = na + pad + 1;
    size_t t = (nap + 1 + n - 1) / n; /* blocks of the shifted dividend; top one < b */
    size_t total = n + t * n + (t - 1) * n + n + bz_scratch21(n);
    bn_digit *buf = malloc(total * sizeof(bn_digit));
    if (!buf)
        return -1;
    bn_digit *bs = buf, *as = bs + n, *qs = as + t * n, *rs = qs + (t - 1) * n,
             *scratch = rs + n;
    memset(bs, 0, pad * sizeof(bn_digit));
    memset(as, 0, t * n * sizeof(bn_digit));
    if (bits) {
        lshift_small(bs + pad, b, nb, bits);
        as[pad + na] = lshift_small(as + pad, a, na, bits);
    } else {
        memcpy(bs + pad, b, nb * sizeof(bn_digit));
        memcpy(as + pad, a, na * sizeof(bn_digit));
    }
    for (size_t i = t - 1; i-- > 0;) {
        if (bz_div21(qs + i * n, rs, as + i * n, bs, n, scratch) < 0) {
            free(buf);
            return -1;
        }
        memcpy(as + i * n, rs, n * sizeof(bn_digit));
    }
    if (q) {
        size_t len = norm_len(qs, (t - 1) * n);
        memcpy(q, qs, len * sizeof(bn_digit));
        *nq = len;
    }
    if (r) {
        if (bits)
            rshift_small(as + pad, as + pad, nb, bits);
        size_t len = norm_len(as + pad, nb);
        memcpy(r, as + pad, len * sizeof(bn_digit));
        *nr = len;
    }
    free(buf);
    return 0;
}

size_t bn_divmod(bn_digit *q, size_t *nq, bn_digit *r, size_t *nr,
                 const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    size_t dummy_q, dummy_r;
    if (!nq)
        nq = &dummy_q;
    if (!nr)
        nr = &dummy_r;
    *nq = 0;
    *nr = 0;
    if (nb == 0)
        return BN_INVALID;
    if (na < nb || bn_cmp(a, na, b, nb) < 0) {
        if (r)
            memcpy(r, a, na * sizeof(bn_digit));
        *nr = na;
        return 0;
    }
    if (nb == 1) {
        bn_digit rem = div_1(q, a, na, b[0]);
        if (q)
            *nq = norm_len(q, na);
        if (r && rem) {
            r[0] = rem;
            *nr = 1;
        }
        return 0;
    }
    if (nb >= DIV_BZ_THRESH && na - nb >= DIV_BZ_THRESH)
        return div_bz(q, nq, r, nr, a, na, b, nb) < 0 ? BN_NOMEM : 0;

    bn_digit local[SMALL_SCRATCH];
    bn_digit *u = na + 1 + nb <= SMALL_SCRATCH ? local : malloc((na + 1 + nb) * sizeof(bn_digit));
    if (!u)
        return BN_NOMEM;
    bn_digit *v = u + na + 1;
    int s = 32 - bitlen32(b[nb - 1]);
    if (s) {
        lshift_small(v, b, nb, s);
        u[na] = lshift_small(u, a, na, s);
    } else {
        memcpy(v, b, nb * sizeof(bn_digit));
        memcpy(u, a, na * sizeof(bn_digit));
        u[na] = 0;
    }
    div_knuth(q, u, na + 1, v, nb);
    if (q)
        *nq = norm_len(q, na + 1 - nb);
    if (r) {
        if (s)
            rshift_small(u, u, nb, s);
        *nr = norm_len(u, nb);
        memcpy(r, u, *nr * sizeof(bn_digit));
    }
    if (u != local)
        free(u);
    return 0;
}

/* ======================================================================
 * Shifts and bitwise operations
 * ====================================================================== */

size_t bn_lshift(bn_digit *r, const bn_digit *a, size_t na, uint64_t s)
{
    if (na == 0)
        return 0;
    size_t w = (size_t)(s / 32);
    int b = (int)(s % 32);
    if (b == 0) {
        memmove(r + w, a, na * sizeof(bn_digit));
        memset(r, 0, w * sizeof(bn_digit));
        return na + w;
    }
    r[w + na] = lshift_small(r + w, a, na, b);
    memset(r, 0, w * sizeof(bn_digit));
    return norm_len(r, na + w + 1);
}

size_t bn_rshift(bn_digit *r, const bn_digit *a, size_t na, uint64_t s)
{
    if (s / 32 >= na)
        return 0;
    size_t w = (size_t)(s / 32);
    int b = (int)(s % 32);
    size_t n = na - w;
    if (b == 0)
        memmove(r, a + w, n * sizeof(bn_digit));
    else
        rshift_small(r, a + w, n, b);
    return norm_len(r, n);
}

static bn_digit bitop1(char op, bn_digit x, bn_digit y)
{
    switch (op) {
    case '&': return x & y;
    case '|': return x | y;
    default: return x ^ y;
    }
}

size_t bn_bitop(bn_digit *r, bool *rneg, char op, bool aneg, const bn_digit *a, size_t na,
                bool bneg, const bn_digit *b, size_t nb)
{
    /* Stream both operands in two's complement (-x is ~(x - 1)), combine, and
     * convert a negative result back to a magnitude (~y + 1). */
    if (op != '&' && op != '|')
        op = '^';
    bool neg = bitop1(op, aneg, bneg) != 0;
    size_t n = na > nb ? na : nb;
    bn_digit ba = aneg, bb = bneg, cr = neg; /* pending borrows / carry */
    for (size_t i = 0; i < n; i++) {
        bn_digit x = i < na ? a[i] : 0, y = i < nb ? b[i] : 0;
        if (aneg) {
            bn_digit t = x - ba;
            ba = x < ba;
            x = ~t;
        }
        if (bneg) {
            bn_digit t = y - bb;
            bb = y < bb;
            y = ~t;
        }
        bn_digit z = bitop1(op, x, y);
        if (neg) {
            z = ~z + cr;
            cr = z < cr;
        }
        r[i] = z;
    }
    r[n] = neg ? cr : 0;
    size_t len = norm_len(r, n + 1);
    *rneg = neg && len > 0;
    return len;
}

/* ======================================================================
 * Bit length, hash, gcd, isqrt, powmod
 * ====================================================================== */

uint64_t bn_bit_length(const bn_digit *a, size_t na)
{
    if (na == 0)
        return 0;
    return (uint64_t)(na - 1) * 32 + (uint64_t)bitlen32(a[na - 1]);
}

uint64_t bn_hash(const bn_digit *a, size_t na)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t x = 0;
    for (size_t i = na; i-- > 0;) {
        /* x * 2^32 mod P is a 61-bit rotation by 32, then add the digit */
        x = ((x << 32) & P) | (x >> 29);
        x += a[i];
        if (x >= P)
            x -= P;
    }
    return x;
}

static uint64_t to_u64(const bn_digit *a, size_t na)
{
    uint64_t v = na > 0 ? a[0] : 0;
    if (na > 1)
        v |= (uint64_t)a[1] << 32;
    return v;
}

/* Stores v normalized (0, 1 or 2 digits); writes only the digits it needs. */
static size_t from_u64(bn_digit *r, uint64_t v)
{
    if (v == 0)
        return 0;
    r[0] = (bn_digit)v;
    if ((v >> 32) == 0)
        return 1;
    r[1] = (bn_digit)(v >> 32);
    return 2;
}

/* Bits [s, s+64) of a, s >= 0; digits past na read as zero. */
static uint64_t bits_at(const bn_digit *a, size_t na, uint64_t s)
{
    size_t w = (size_t)(s / 32);
    int b = (int)(s % 32);
    uint64_t d0 = w < na ? a[w] : 0, d1 = w + 1 < na ? a[w + 1] : 0,
             d2 = w + 2 < na ? a[w + 2] : 0;
    if (b == 0)
        return d0 | d1 << 32;
    return (d0 >> b) | (d1 << (32 - b)) | (d2 << (64 - b));
}

/* One Lehmer update over n digits: r1 = p1*u - m1*v and r2 = p2*v - m2*u,
 * both known to be non-negative and to fit n digits.  The cofactors are
 * below 2^31, so every partial sum fits a signed 64-bit accumulator. */
static void lehmer_update(bn_digit *r1, bn_digit *r2, const bn_digit *u, const bn_digit *v,
                          size_t n, int64_t p1, int64_t m1, int64_t p2, int64_t m2)
{
    const int64_t B32 = (int64_t)1 << 32;
    int64_t c1 = 0, c2 = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t ui = u[i], vi = v[i];
        int64_t s1 = p1 * ui - m1 * vi + c1;
        int64_t s2 = p2 * vi - m2 * ui + c2;
        r1[i] = (bn_digit)s1;
        r2[i] = (bn_digit)s2;
        c1 = (s1 - (int64_t)(bn_digit)s1) / B32; /* exact: floor(s1 / 2^32) */
        c2 = (s2 - (int64_t)(bn_digit)s2) / B32;
    }
}

static uint64_t gcd_u64(uint64_t u, uint64_t v)
{
    while (v) {
        uint64_t t = u % v;
        u = v;
        v = t;
    }
    return u;
}

size_t bn_gcd(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    if (bn_cmp(a, na, b, nb) < 0) {
        const bn_digit *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if (nb == 0) {
        memcpy(r, a, na * sizeof(bn_digit));
        return na;
    }
    /* Four buffers of na digits: x >= y, and two for the next pair. */
    bn_digit *buf = malloc(4 * na * sizeof(bn_digit));
    if (!buf)
        return BN_NOMEM;
    bn_digit *x = buf, *y = buf + na, *t1 = buf + 2 * na, *t2 = buf + 3 * na;
    size_t nx = na, ny = nb;
    memcpy(x, a, na * sizeof(bn_digit));
    memcpy(y, b, nb * sizeof(bn_digit));
    const int64_t LIM = ((int64_t)1 << 31) - 1; /* cofactor bound, see lehmer_update */
    while (ny > 0 && nx > 2) {
        /* Lehmer (Knuth's algorithm L) on the top 62 bits of x and y. */
        uint64_t sh = bn_bit_length(x, nx) - 62;
        int64_t xh = (int64_t)bits_at(x, nx, sh), yh = (int64_t)bits_at(y, ny, sh);
        int64_t A = 1, B = 0, C = 0, D = 1;
        for (;;) {
            if (yh + C == 0 || yh + D == 0)
                break;
            int64_t qq = (xh + A) / (yh + C);
            if (qq != (xh + B) / (yh + D))
                break;
            int64_t aC = C < 0 ? -C : C, aD = D < 0 ? -D : D;
            int64_t aA = A < 0 ? -A : A, aB = B < 0 ? -B : B;
            if ((aC && qq > (LIM - aA) / aC) || (aD && qq > (LIM - aB) / aD))
                break;
            int64_t T = A - qq * C; A = C; C = T;
            T = B - qq * D; B = D; D = T;
            T = xh - qq * yh; xh = yh; yh = T;
        }
        if (B == 0) {
            /* No progress on the leading bits: one full Euclidean step. */
            size_t nr;
            if (bn_divmod(NULL, NULL, t1, &nr, x, nx, y, ny) == BN_NOMEM) {
                free(buf);
                return BN_NOMEM;
            }
            bn_digit *old = x;
            x = y; nx = ny;
            y = t1; ny = nr;
            t1 = old;
            continue;
        }
        /* x' = A x + B y, y' = C x + D y, where the signs alternate with the
         * number of steps: A >= 0 >= B, D >= 0 >= C, or the reverse. */
        memset(y + ny, 0, (nx - ny) * sizeof(bn_digit));
        int64_t aA = A < 0 ? -A : A, aB = B < 0 ? -B : B, aC = C < 0 ? -C : C,
                aD = D < 0 ? -D : D;
        if (B < 0)
            lehmer_update(t1, t2, x, y, nx, aA, aB, aD, aC);
        else
            lehmer_update(t1, t2, y, x, nx, aB, aA, aC, aD);
        bn_digit *ox = x, *oy = y;
        size_t width = nx;
        x = t1; nx = norm_len(x, width);
        y = t2; ny = norm_len(y, width);
        t1 = ox;
        t2 = oy;
    }
    size_t n;
    if (ny == 0) {
        memcpy(r, x, nx * sizeof(bn_digit));
        n = nx;
    } else {
        n = from_u64(r, gcd_u64(to_u64(x, nx), to_u64(y, ny)));
    }
    free(buf);
    return n;
}

static uint64_t isqrt_u64(uint64_t v)
{
    uint64_t r = (uint64_t)sqrt((double)v);
    while (r > 0 && r > v / r)
        r--;
    while (r + 1 <= v / (r + 1))
        r++;
    return r;
}

size_t bn_isqrt(bn_digit *r, const bn_digit *a, size_t na)
{
    if (na <= 2) {
        if (na == 0)
            return 0;
        return from_u64(r, isqrt_u64(to_u64(a, na)));
    }
    /* Precision doubling: with c = (bits-1)/2 and d the top bits of c,
     * x_d ~ isqrt(a >> 2(c-d)) is refined by
     * x <- (x << (d-e-1)) + (a >> (2c-e-d+1)) / x; a final correction by 1. */
    uint64_t c = (bn_bit_length(a, na) - 1) / 2;
    size_t cap = na + 4; /* x*x has at most na + 2 digits */
    bn_digit *buf = malloc(4 * cap * sizeof(bn_digit));
    if (!buf)
        return BN_NOMEM;
    bn_digit *x = buf, *nx_buf = buf + cap, *t = buf + 2 * cap, *q = buf + 3 * cap;
    size_t nx = 1;
    x[0] = 1;
    uint64_t d = 0;
    for (int s = bitlen64(c); s-- > 0;) {
        uint64_t e = d;
        d = c >> s;
        size_t nt = bn_rshift(t, a, na, 2 * c - e - d + 1);
        size_t nq = 0;
        if (bn_divmod(q, &nq, NULL, NULL, t, nt, x, nx) == BN_NOMEM) {
            free(buf);
            return BN_NOMEM;
        }
        size_t nn = bn_lshift(nx_buf, x, nx, d - e - 1);
        nx = bn_add(nx_buf, nx_buf, nn, q, nq);
        bn_digit *tmp = x; x = nx_buf; nx_buf = tmp;
    }
    /* x is isqrt(a) or one more: compare x*x with a. */
    if (mul_full(t, x, nx, x, nx) < 0) {
        free(buf);
        return BN_NOMEM;
    }
    if (bn_cmp(t, norm_len(t, 2 * nx), a, na) > 0)
        nx = bn_sub(x, x, nx, (const bn_digit[]){1}, 1);
    memcpy(r, x, nx * sizeof(bn_digit));
    free(buf);
    return nx;
}

/* Modular reduction context for powmod: m normalized to mn (top bit set). */
typedef struct {
    const bn_digit *m;
    bn_digit *mn;
    size_t n;
    int shift;
    bn_digit *prod; /* 2n digits */
    bn_digit *u;    /* 2n + 1 digits */
} ModCtx;

/* dst[0..n) = x * y mod m, returning dst's length or BN_NOMEM.  dst may
 * equal x or y. */
static size_t mulmod(ModCtx *c, bn_digit *dst, const bn_digit *x, size_t nx, const bn_digit *y,
                     size_t ny)
{
    if (nx == 0 || ny == 0)
        return 0;
    if (mul_full(c->prod, x, nx, y, ny) < 0)
        return BN_NOMEM;
    size_t np = norm_len(c->prod, nx + ny);
    if (c->n == 1) {
        dst[0] = div_1(NULL, c->prod, np, c->m[0]);
        return dst[0] != 0;
    }
    if (np < c->n) {
        memcpy(dst, c->prod, np * sizeof(bn_digit));
        return np;
    }
    if (c->shift) {
        c->u[np] = lshift_small(c->u, c->prod, np, c->shift);
    } else {
        memcpy(c->u, c->prod, np * sizeof(bn_digit));
        c->u[np] = 0;
    }
    div_knuth(NULL, c->u, np + 1, c->mn, c->n);
    if (c->shift)
        rshift_small(c->u, c->u, c->n, c->shift);
    size_t len = norm_len(c->u, c->n);
    memcpy(dst, c->u, len * sizeof(bn_digit));
    return len;
}

size_t bn_powmod(bn_digit *r, const bn_digit *b, size_t nb, const bn_digit *e, size_t ne,
                 const bn_digit *m, size_t nm)
{
    if (nm == 0)
        return BN_INVALID;
    if (nm == 1 && m[0] == 1)
        return 0;
    if (ne == 0) {
        r[0] = 1;
        return 1;
    }
    uint64_t ebits = bn_bit_length(e, ne);
    int w = ebits <= 8 ? 1 : ebits <= 24 ? 2 : ebits <= 80 ? 3 : ebits <= 240 ? 4
          : ebits <= 672 ? 5 : 6;
    size_t ntab = (size_t)1 << (w - 1);
    /* buffers: mn (nm), prod (2nm), u (2nm+1), acc (nm), g2 (nm), table (ntab*nm) */
    bn_digit *buf = malloc((7 * nm + 1 + ntab * nm) * sizeof(bn_digit));
    if (!buf)
        return BN_NOMEM;
    size_t *tlen = malloc(ntab * sizeof(size_t));
    if (!tlen) {
        free(buf);
        return BN_NOMEM;
    }
    ModCtx c;
    c.m = m;
    c.n = nm;
    c.mn = buf;
    c.prod = buf + nm;
    c.u = c.prod + 2 * nm;
    bn_digit *acc = c.u + 2 * nm + 1, *g2 = acc + nm, *tab = g2 + nm;
    c.shift = 32 - bitlen32(m[nm - 1]);
    if (c.shift)
        lshift_small(c.mn, m, nm, c.shift);
    else
        memcpy(c.mn, m, nm * sizeof(bn_digit));

    size_t res = BN_NOMEM;
    size_t nbase;
    if (bn_divmod(NULL, NULL, tab, &nbase, b, nb, m, nm) == BN_NOMEM)
        goto done;
    tlen[0] = nbase;
    if (nbase == 0) {
        res = 0;
        goto done;
    }
    size_t l2 = 0;
    if (ntab > 1 && (l2 = mulmod(&c, g2, tab, nbase, tab, nbase)) == BN_NOMEM)
        goto done;
    for (size_t i = 1; i < ntab; i++) {
        size_t l = mulmod(&c, tab + i * nm, tab + (i - 1) * nm, tlen[i - 1], g2, l2);
        if (l == BN_NOMEM)
            goto done;
        tlen[i] = l;
    }
    /* Left-to-right sliding window over the bits of e. */
    size_t nacc = 0;
    bool have = false;
    for (int64_t i = (int64_t)ebits - 1; i >= 0;) {
        if (!((e[i / 32] >> (i % 32)) & 1)) {
            size_t l = mulmod(&c, acc, acc, nacc, acc, nacc);
            if (l == BN_NOMEM)
                goto done;
            nacc = l;
            i--;
            continue;
        }
        int64_t j = i - w + 1 > 0 ? i - w + 1 : 0;
        while (!((e[j / 32] >> (j % 32)) & 1))
            j++;
        size_t val = 0;
        for (int64_t k = i; k >= j; k--)
            val = (val << 1) | ((e[k / 32] >> (k % 32)) & 1);
        size_t idx = val >> 1;
        if (have) {
            for (int64_t k = i; k >= j; k--) {
                size_t l = mulmod(&c, acc, acc, nacc, acc, nacc);
                if (l == BN_NOMEM)
                    goto done;
                nacc = l;
            }
            size_t l = mulmod(&c, acc, acc, nacc, tab + idx * nm, tlen[idx]);
            if (l == BN_NOMEM)
                goto done;
            nacc = l;
        } else {
            memcpy(acc, tab + idx * nm, tlen[idx] * sizeof(bn_digit));
            nacc = tlen[idx];
            have = true;
        }
        i = j - 1;
    }
    memcpy(r, acc, nacc * sizeof(bn_digit));
    res = nacc;
done:
    free(tlen);
    free(buf);
    return res;
}

/* ======================================================================
 * Floats
 * ====================================================================== */

double bn_frexp(const bn_digit *a, size_t na, int64_t *e)
{
    if (na == 0) {
        *e = 0;
        return 0.0;
    }
    uint64_t bl = bn_bit_length(a, na);
    uint64_t top;
    if (bl <= 64) {
        top = to_u64(a, na) << (64 - bl);
    } else {
        uint64_t s = bl - 64;
        top = bits_at(a, na, s);
        /* sticky bit: anything below bit s */
        size_t w = (size_t)(s / 32);
        bool sticky = (a[w] & (((bn_digit)1 << (s % 32)) - 1)) != 0 || norm_len(a, w) != 0;
        top |= sticky;
    }
    uint64_t mant = top >> 11, rest = top & 0x7FF;
    if (rest > 0x400 || (rest == 0x400 && (mant & 1)))
        mant++;
    if (mant >> 53) {
        mant >>= 1;
        bl++;
    }
    *e = (int64_t)bl;
    return ldexp((double)mant, -53);
}

double bn_to_double(const bn_digit *a, size_t na, bool *overflow)
{
    int64_t e;
    double m = bn_frexp(a, na, &e);
    if (e > DBL_MAX_EXP) {
        *overflow = true;
        return HUGE_VAL;
    }
    *overflow = false;
    return ldexp(m, (int)e);
}

/* Running out of scratch memory (and b == 0) is reported through *overflow,
 * the only error channel this interface has. */
double bn_truediv(const bn_digit *a, size_t na, const bn_digit *b, size_t nb, bool *overflow)
{
    *overflow = false;
    if (nb == 0) {
        *overflow = true;
        return HUGE_VAL;
    }
    if (na == 0)
        return 0.0;
    const uint64_t EXACT = (uint64_t)1 << DBL_MANT_DIG;
    if (na <= 2 && nb <= 2 && to_u64(a, na) <= EXACT && to_u64(b, nb) <= EXACT)
        return (double)to_u64(a, na) / (double)to_u64(b, nb);

    int64_t diff = (int64_t)bn_bit_length(a, na) - (int64_t)bn_bit_length(b, nb);
    if (diff > DBL_MAX_EXP + 1) { /* a/b >= 2^(diff-1) >= 2^1025 */
        *overflow = true;
        return HUGE_VAL;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) /* a/b < 2^-1075: rounds to 0 */
        return 0.0;
    /* q = floor(a / (b * 2^shift)) has 55 or 56 bits (fewer when subnormal);
     * two guard bits and a sticky bit give correct rounding. */
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    size_t cap = na + (shift < 0 ? (size_t)(-shift / 32) + 1 : 0);
    size_t qcap = cap + 1;
    bn_digit local[SMALL_SCRATCH];
    size_t need = cap + qcap + nb;
    bn_digit *buf = need <= SMALL_SCRATCH ? local : malloc(need * sizeof(bn_digit));
    if (!buf) {
        *overflow = true;
        return HUGE_VAL;
    }
    bn_digit *x = buf, *q = buf + cap, *rem = q + qcap;
    bool inexact = false;
    size_t nx;
    if (shift > 0) {
        size_t w = (size_t)(shift / 32);
        inexact = norm_len(a, w) != 0 || (a[w] & (((bn_digit)1 << (shift % 32)) - 1)) != 0;
        nx = bn_rshift(x, a, na, (uint64_t)shift);
    } else {
        nx = bn_lshift(x, a, na, (uint64_t)-shift);
    }
    size_t nq = 0, nr = 0;
    size_t st = bn_divmod(q, &nq, rem, &nr, x, nx, b, nb);
    uint64_t qv = to_u64(q, nq);
    if (buf != local)
        free(buf);
    if (st == BN_NOMEM) {
        *overflow = true;
        return HUGE_VAL;
    }
    if (inexact || nr != 0)
        qv |= 1;
    int64_t ebin = bitlen64(qv) + shift; /* value < 2^ebin */
    int64_t ulp = ebin - DBL_MANT_DIG;
    if (ulp < DBL_MIN_EXP - DBL_MANT_DIG)
        ulp = DBL_MIN_EXP - DBL_MANT_DIG;
    int drop = (int)(ulp - shift);
    uint64_t mant = qv >> drop, rest = qv & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rest > half || (rest == half && (mant & 1)))
        mant++;
    if (bitlen64(mant) + ulp > DBL_MAX_EXP) {
        *overflow = true;
        return HUGE_VAL;
    }
    return ldexp((double)mant, (int)ulp);
}

size_t bn_from_double_size(double x)
{
    if (!isfinite(x) || fabs(x) < 1.0)
        return 1;
    int e;
    frexp(fabs(x), &e);
    return ((size_t)e + 31) / 32;
}

size_t bn_from_double(bn_digit *r, double x)
{
    if (!isfinite(x))
        return 0;
    double t = trunc(fabs(x));
    if (t < 1.0)
        return 0;
    int e;
    double m = frexp(t, &e);
    uint64_t mant = (uint64_t)ldexp(m, DBL_MANT_DIG);
    if (e <= DBL_MANT_DIG)
        return from_u64(r, mant >> (DBL_MANT_DIG - e));
    size_t nd = ((size_t)e + 31) / 32;
    int sh = e - DBL_MANT_DIG;
    size_t w = (size_t)sh / 32;
    int b = sh % 32;
    uint64_t lo = mant << b, hi = b ? mant >> (64 - b) : 0;
    memset(r, 0, nd * sizeof(bn_digit));
    r[w] = (bn_digit)lo;
    if (w + 1 < nd)
        r[w + 1] = (bn_digit)(lo >> 32);
    if (w + 2 < nd)
        r[w + 2] = (bn_digit)hi;
    return nd;
}

int bn_cmp_double(bool aneg, const bn_digit *a, size_t na, double x)
{
    if (isnan(x))
        return 0;
    if (isinf(x))
        return x > 0 ? -1 : 1;
    int sa = na == 0 ? 0 : aneg ? -1 : 1;
    int sx = (x > 0) - (x < 0);
    if (sa != sx)
        return sa < sx ? -1 : 1;
    if (sa == 0)
        return 0;
    double ax = fabs(x), fl = floor(ax);
    bn_digit buf[DBL_MAX_EXP / 32 + 2];
    size_t nf = bn_from_double(buf, fl);
    int c = bn_cmp(a, na, buf, nf);
    if (c == 0 && fl != ax)
        c = -1;
    return sa > 0 ? c : -c;
}

/* ======================================================================
 * Text
 * ====================================================================== */

static const char DIGIT_CHARS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* The largest power of base that fits in a digit: base^k. */
static bn_digit big_base(int base, int *k)
{
    bn_digit bk = (bn_digit)base;
    *k = 1;
    while ((bn_twodigits)bk * (bn_digit)base <= DIGIT_MASK) {
        bk *= (bn_digit)base;
        ++*k;
    }
    return bk;
}

/* log2(base) when base is a power of two, else 0. */
static int pow2_bits(int base)
{
    return (base & (base - 1)) == 0 ? bitlen32((bn_digit)base) - 1 : 0;
}

size_t bn_str_size(size_t na, int base)
{
    if (base < 2 || base > 36 || na == 0)
        return 1;
    double bits = 32.0 * (double)na;
    int p = pow2_bits(base);
    if (p)
        return (size_t)(bits / p) + 1;
    return (size_t)(bits / log2((double)base) * (1.0 + 1e-12)) + 2;
}

/* A table of powers P_i = (base^k)^(2^i) for the divide-and-conquer
 * conversions, built on demand. */
typedef struct {
    int base, k;     /* P_0 = base^k */
    bn_digit bk;
    int count;
    bn_digit *d[64];
    size_t n[64];
} Pows;

static void pows_init(Pows *p, int base)
{
    p->base = base;
    p->bk = big_base(base, &p->k);
    p->count = 0;
}

/* Makes P_0..P_i available; returns -1 for memory. */
static int pows_need(Pows *p, int i)
{
    while (p->count <= i) {
        int j = p->count;
        if (j == 0) {
            p->d[0] = malloc(sizeof(bn_digit));
            if (!p->d[0])
                return -1;
            p->d[0][0] = p->bk;
            p->n[0] = 1;
        } else {
            size_t pn = p->n[j - 1];
            p->d[j] = malloc(2 * pn * sizeof(bn_digit));
            if (!p->d[j] || mul_full(p->d[j], p->d[j - 1], pn, p->d[j - 1], pn) < 0) {
                free(p->d[j]);
                return -1;
            }
            p->n[j] = norm_len(p->d[j], 2 * pn);
        }
        p->count++;
    }
    return 0;
}

static void pows_free(Pows *p)
{
    for (int i = 0; i < p->count; i++)
        free(p->d[i]);
}

/* Divide x[0..n) in place by 10^9, returning the remainder (a constant
 * divisor, which compilers turn into a multiplication). */
static bn_digit div_1e9(bn_digit *x, size_t n)
{
    bn_twodigits rem = 0;
    for (size_t i = n; i-- > 0;) {
        rem = (rem << 32) | x[i];
        x[i] = (bn_digit)(rem / 1000000000u);
        rem %= 1000000000u;
    }
    return (bn_digit)rem;
}

#define LEAF_DIGITS STR_DC_THRESH
#define LEAF_CHARS (LEAF_DIGITS * 32 + 32)

/* Writes x (nx < STR_DC_THRESH digits) in p->base: exactly width
 * characters (zero-padded) when width > 0, else without leading zeros.
 * Returns the number of characters. */
static size_t conv_leaf(char *out, const bn_digit *x, size_t nx, size_t width, const Pows *p)
{
    bn_digit w[LEAF_DIGITS];
    char tmp[LEAF_CHARS];
    size_t pos = LEAF_CHARS;
    memcpy(w, x, nx * sizeof(bn_digit));
    while (nx > 0) {
        bn_digit rem = p->base == 10 ? div_1e9(w, nx) : div_1(w, w, nx, p->bk);
        nx = norm_len(w, nx);
        for (int i = 0; i < p->k && (nx > 0 || rem != 0); i++) {
            tmp[--pos] = DIGIT_CHARS[rem % (bn_digit)p->base];
            rem /= (bn_digit)p->base;
        }
    }
    size_t len = LEAF_CHARS - pos;
    if (width == 0) {
        memcpy(out, tmp + pos, len);
        return len;
    }
    memset(out, '0', width - len);
    memcpy(out + width - len, tmp + pos, len);
    return width;
}

/* Divide-and-conquer conversion: x = q * P_i + r with P_i about half of x;
 * q then r (zero-padded to k*2^i characters).  Returns the length or
 * BN_NOMEM. */
static size_t conv_dc(char *out, const bn_digit *x, size_t nx, size_t width, Pows *p, int level)
{
    if (nx < STR_DC_THRESH)
        return conv_leaf(out, x, nx, width, p);
    int i = level;
    while (i > 0 && 2 * p->n[i] > nx)
        i--;
    size_t ni = p->n[i];
    bn_digit *q = malloc((nx - ni + 1 + ni) * sizeof(bn_digit));
    if (!q)
        return BN_NOMEM;
    bn_digit *r = q + (nx - ni + 1);
    size_t nq, nr;
    if (bn_divmod(q, &nq, r, &nr, x, nx, p->d[i], ni) == BN_NOMEM) {
        free(q);
        return BN_NOMEM;
    }
    size_t low = (size_t)p->k << i;
    size_t hi = conv_dc(out, q, nq, width ? width - low : 0, p, i);
    if (hi != BN_NOMEM && conv_dc(out + hi, r, nr, low, p, i > 0 ? i - 1 : 0) == BN_NOMEM)
        hi = BN_NOMEM;
    free(q);
    return hi == BN_NOMEM ? BN_NOMEM : hi + low;
}

size_t bn_to_string(char *out, const bn_digit *a, size_t na, int base)
{
    if (base < 2 || base > 36)
        return BN_INVALID;
    if (na == 0) {
        out[0] = '0';
        return 1;
    }
    int bits = pow2_bits(base);
    if (bits) {
        uint64_t total = bn_bit_length(a, na);
        size_t len = (size_t)((total + (uint64_t)bits - 1) / (uint64_t)bits);
        for (size_t i = 0; i < len; i++) {
            uint64_t v = bits_at(a, na, (uint64_t)i * (uint64_t)bits) & (((uint64_t)1 << bits) - 1);
            out[len - 1 - i] = DIGIT_CHARS[v];
        }
        return len;
    }
    Pows p;
    pows_init(&p, base);
    if (na < STR_DC_THRESH)
        return conv_leaf(out, a, na, 0, &p);
    int level = 0;
    for (;;) {
        if (pows_need(&p, level) < 0) {
            pows_free(&p);
            return BN_NOMEM;
        }
        if (4 * p.n[level] > na)
            break;
        level++;
    }
    size_t len = conv_dc(out, a, na, 0, &p, level);
    pows_free(&p);
    return len;
}

/* Upper bound on the digits a value of len characters in base needs. */
static size_t parse_cap(size_t len, int base)
{
    int bpc = base == 0 ? 4 : bitlen32((bn_digit)(base - 1)); /* ceil(log2(base)) */
    return len / 32 * (size_t)bpc + (len % 32 * (size_t)bpc + 31) / 32 + 1;
}

size_t bn_parse_size(size_t len, int base)
{
    return parse_cap(len, base) + 1;
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* r = the value of digit values v[0..len) (most significant first) by
 * multiply-accumulate in chunks of k characters; returns the length. */
static size_t parse_leaf(bn_digit *r, const unsigned char *v, size_t len, const Pows *p)
{
    size_t n = 0, i = 0;
    size_t first = len % (size_t)p->k;
    if (first == 0)
        first = (size_t)p->k;
    while (i < len) {
        size_t end = i + first;
        bn_digit mult = 1, acc = 0;
        for (; i < end; i++) {
            acc = acc * (bn_digit)p->base + v[i];
            mult *= (bn_digit)p->base;
        }
        n = bn_mul_small(r, r, n, mult, acc);
        first = (size_t)p->k;
    }
    return n;
}

/* Divide-and-conquer parse: value(high) * P_i + value(low), where low has
 * k*2^i characters.  r has parse_cap(len) digits.  Returns length or
 * BN_NOMEM. */
static size_t parse_dc(bn_digit *r, const unsigned char *v, size_t len, Pows *p)
{
    if (len <= PARSE_DC_THRESH)
        return parse_leaf(r, v, len, p);
    int i = 0;
    while (((size_t)p->k << (i + 1)) < len)
        i++;
    if (pows_need(p, i) < 0)
        return BN_NOMEM;
    size_t low = (size_t)p->k << i, high = len - low;
    size_t ch = parse_cap(high, p->base), cl = parse_cap(low, p->base);
    bn_digit *buf = malloc((ch + cl + ch + p->n[i]) * sizeof(bn_digit));
    if (!buf)
        return BN_NOMEM;
    bn_digit *hb = buf, *lb = hb + ch, *prod = lb + cl;
    size_t res = BN_NOMEM;
    size_t nh = parse_dc(hb, v, high, p);
    size_t nl = nh == BN_NOMEM ? BN_NOMEM : parse_dc(lb, v + high, low, p);
    if (nl == BN_NOMEM)
        goto done;
    size_t np = 0;
    if (nh > 0) {
        if (mul_full(prod, hb, nh, p->d[i], p->n[i]) < 0)
            goto done;
        np = nh + p->n[i];
        add_into(prod, np, lb, nl);
    } else {
        memcpy(prod, lb, nl * sizeof(bn_digit));
        np = nl;
    }
    res = norm_len(prod, np);
    memcpy(r, prod, res * sizeof(bn_digit));
done:
    free(buf);
    return res;
}

size_t bn_parse(bn_digit *r, bool *neg, const char *s, size_t len, int base)
{
    const unsigned char *u = (const unsigned char *)s;
    *neg = false;
    if (base != 0 && (base < 2 || base > 36))
        return BN_INVALID;
    size_t i = 0, end = len;
    while (i < end && is_space(u[i]))
        i++;
    while (end > i && is_space(u[end - 1]))
        end--;
    bool minus = false;
    if (i < end && (u[i] == '+' || u[i] == '-')) {
        minus = u[i] == '-';
        i++;
    }
    bool zero_only = false; /* base 0 with a leading 0: only zeros allowed */
    int c1 = i + 1 < end ? u[i + 1] | 0x20 : 0;
    if (base == 0) {
        if (i >= end || u[i] != '0')
            base = 10;
        else if (c1 == 'x')
            base = 16;
        else if (c1 == 'o')
            base = 8;
        else if (c1 == 'b')
            base = 2;
        else {
            zero_only = true;
            base = 10;
        }
    }
    if (i < end && u[i] == '0' &&
        ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b'))) {
        i += 2;
        if (i < end && u[i] == '_')
            i++;
    }
    if (i < end && u[i] == '_')
        return BN_INVALID;
    /* Validate and count the digits. */
    size_t count = 0;
    bool prev_us = false;
    for (size_t j = i; j < end; j++) {
        if (u[j] == '_') {
            if (prev_us)
                return BN_INVALID;
            prev_us = true;
            continue;
        }
        if (digit_value(u[j]) >= base)
            return BN_INVALID;
        prev_us = false;
        count++;
    }
    if (prev_us || count == 0)
        return BN_INVALID;
    /* Gather the digit values, skipping underscores and leading zeros. */
    unsigned char small[128];
    unsigned char *v = count <= sizeof small ? small : malloc(count);
    if (!v)
        return BN_NOMEM;
    size_t nv = 0;
    for (size_t j = i; j < end; j++) {
        if (u[j] == '_')
            continue;
        int d = digit_value(u[j]);
        if (d != 0 || nv > 0)
            v[nv++] = (unsigned char)d;
    }
    size_t n;
    if (nv > 0 && zero_only) {
        n = BN_INVALID;
    } else if (nv == 0) {
        n = 0;
    } else if (pow2_bits(base)) {
        int bits = pow2_bits(base);
        size_t nd = (nv * (size_t)bits + 31) / 32;
        memset(r, 0, nd * sizeof(bn_digit));
        for (size_t j = 0; j < nv; j++) {
            size_t pos = j * (size_t)bits; /* bit position of v[nv-1-j] */
            bn_twodigits d = (bn_twodigits)v[nv - 1 - j] << (pos % 32);
            r[pos / 32] |= (bn_digit)d;
            if ((d >> 32) != 0)
                r[pos / 32 + 1] |= (bn_digit)(d >> 32);
        }
        n = norm_len(r, nd);
    } else {
        Pows p;
        pows_init(&p, base);
        n = parse_dc(r, v, nv, &p);
        pows_free(&p);
    }
    if (v != small)
        free(v);
    if (n != BN_NOMEM && n != BN_INVALID)
        *neg = minus && n > 0;
    return n;
}
