/* bignum.h - arbitrary-precision integer kernels (the "mpn" layer of txpy's int).
 *
 * Pure computation on caller-owned digit arrays: no Python objects, no GC, no
 * global state, thread-safe.  The int object layer (int.c) allocates results
 * and calls these.  Temporary scratch memory, where an algorithm needs it
 * (Karatsuba, division, base conversion), comes from malloc and is freed
 * before returning; functions that can fail for lack of memory return
 * BN_NOMEM (documented per function).
 *
 * Representation: a magnitude is a little-endian array of 32-bit digits
 * (base 2^32).  A magnitude of length n is *normalized* when n == 0 (the value
 * zero) or d[n-1] != 0.  Every function takes normalized inputs and returns the
 * normalized length of its result.  Signed values are (neg, digits, n) triples
 * with neg == false whenever n == 0 (no negative zero).
 *
 * Aliasing: unless a function says otherwise, the result array must not
 * overlap any input array.  Result arrays must have the capacity stated.
 */
#ifndef TXPY_BIGNUM_H
#define TXPY_BIGNUM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint32_t bn_digit;
typedef uint64_t bn_twodigits;
#define BN_DIGIT_BITS 32
#define BN_NOMEM ((size_t)-1)

/* ---- comparison ---- */
/* -1, 0, 1 as a <, ==, > b (magnitudes). */
int bn_cmp(const bn_digit *a, size_t na, const bn_digit *b, size_t nb);

/* ---- additive ---- */
/* r = a + b.  r capacity: max(na, nb) + 1.  r may alias a or b. */
size_t bn_add(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* r = a - b, requires a >= b.  r capacity: na.  r may alias a or b. */
size_t bn_sub(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* Signed r = (an ? -a : a) + (bn ? -b : b).  r capacity max(na, nb) + 1.
 * Sets *rneg.  r must not alias. */
size_t bn_add_signed(bn_digit *r, bool *rneg, bool aneg, const bn_digit *a, size_t na,
                     bool bneg, const bn_digit *b, size_t nb);

/* ---- multiplicative ---- */
/* r = a * b.  r capacity: na + nb.  Uses Karatsuba (or better) for large
 * operands; returns BN_NOMEM if scratch memory cannot be had. */
size_t bn_mul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* r = a * m + add.  r capacity: na + 1.  r may alias a. */
size_t bn_mul_small(bn_digit *r, const bn_digit *a, size_t na, bn_digit m, bn_digit add);
/* q = a / d, returns a % d; d != 0.  q capacity: na (may alias a).  *nq gets
 * q's normalized length. */
bn_digit bn_divmod_small(bn_digit *q, size_t *nq, const bn_digit *a, size_t na, bn_digit d);
/* Truncating division of magnitudes: q = a / b, r = a % b; requires nb > 0.
 * q capacity: na - nb + 1 if na >= nb, else 1; r capacity: nb.  Either q or
 * r may be NULL when not wanted.  Returns 0, or BN_NOMEM.  Lengths in *nq, *nr. */
size_t bn_divmod(bn_digit *q, size_t *nq, bn_digit *r, size_t *nr,
                 const bn_digit *a, size_t na, const bn_digit *b, size_t nb);

/* ---- shifts (magnitudes) ---- */
/* r = a << s.  r capacity: na + s/32 + 1. */
size_t bn_lshift(bn_digit *r, const bn_digit *a, size_t na, uint64_t s);
/* r = a >> s (magnitude, truncating).  r capacity: na (r may alias a). */
size_t bn_rshift(bn_digit *r, const bn_digit *a, size_t na, uint64_t s);

/* ---- bitwise on signed values, with Python's infinite two's complement ----
 * op is '&', '|' or '^'.  r capacity: max(na, nb) + 1.  Sets *rneg. */
size_t bn_bitop(bn_digit *r, bool *rneg, char op, bool aneg, const bn_digit *a, size_t na,
                bool bneg, const bn_digit *b, size_t nb);

/* ---- misc ---- */
/* Number of bits in the magnitude (0 for zero). */
uint64_t bn_bit_length(const bn_digit *a, size_t na);
/* Python's hash of the non-negative integer a: a mod (2^61 - 1).  (The int
 * layer negates for negative values and maps -1 to -2.) */
uint64_t bn_hash(const bn_digit *a, size_t na);
/* r = gcd(a, b).  r capacity: max(na, nb).  Returns length or BN_NOMEM. */
size_t bn_gcd(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb);
/* r = floor(sqrt(a)).  r capacity: na / 2 + 1.  Returns length or BN_NOMEM. */
size_t bn_isqrt(bn_digit *r, const bn_digit *a, size_t na);
/* r = (b ** e) mod m, m > 0 (magnitudes; caller fixes signs).  r capacity: nm.
 * Returns length or BN_NOMEM. */
size_t bn_powmod(bn_digit *r, const bn_digit *b, size_t nb, const bn_digit *e, size_t ne,
                 const bn_digit *m, size_t nm);

/* ---- floats ---- */
/* Nearest double to a (round half to even).  Sets *overflow (and returns
 * HUGE_VAL) when the value does not fit in a double. */
double bn_to_double(const bn_digit *a, size_t na, bool *overflow);
/* a as m * 2^e with 0.5 <= m < 1 (m == 0, e == 0 for zero), m correctly
 * rounded to 53 bits; for math.log of huge ints and int/float comparison. */
double bn_frexp(const bn_digit *a, size_t na, int64_t *e);
/* Correctly rounded a / b as a double (b != 0), magnitudes; *overflow as
 * above.  Python's int / int. */
double bn_truediv(const bn_digit *a, size_t na, const bn_digit *b, size_t nb, bool *overflow);
/* Magnitude of trunc(x) for finite x.  r capacity: bn_from_double_size(x). */
size_t bn_from_double(bn_digit *r, double x);
size_t bn_from_double_size(double x);
/* Compare integer a (signed) with finite or infinite double x: -1, 0, 1.
 * Exact (no rounding of a).  x must not be NaN. */
int bn_cmp_double(bool aneg, const bn_digit *a, size_t na, double x);

/* ---- text ---- */
/* Upper bound on the number of characters bn_to_string needs for base. */
size_t bn_str_size(size_t na, int base);
/* Digits of a in base 2..36 (lowercase letters), no sign or prefix; "0" for
 * zero.  out capacity: bn_str_size(na, base).  Returns the length or BN_NOMEM. */
size_t bn_to_string(char *out, const bn_digit *a, size_t na, int base);
/* Parse Python int() text: s[0..len) in base 0 or 2..36 with int()'s rules:
 * surrounding ASCII whitespace, optional sign, optional 0x/0o/0b prefix (base
 * 0 or matching base), single underscores between digits (and after a base
 * prefix), base 0 rejecting leading zeros in nonzero decimals.  Only ASCII
 * digits (the caller maps other Unicode decimal digits first).
 * On success returns the length written to r (capacity bn_parse_size(len,
 * base)), sets *neg; returns BN_NOMEM for memory, and (size_t)-2 for invalid
 * text. */
#define BN_INVALID ((size_t)-2)
size_t bn_parse_size(size_t len, int base);
size_t bn_parse(bn_digit *r, bool *neg, const char *s, size_t len, int base);

#endif
