/* test_bignum.c - unit test for vm/bignum.c.
 *
 * Two parts:
 *  1. Every function against CPython-computed expected values read from the
 *     case file (argv[1], default tests/unit/data/bignum_cases.txt; written by
 *     tests/unit/gen_bignum_cases.py, whose header documents the format).
 *     Results go into buffers of exactly the capacity the header promises, so
 *     an overrun shows up under -fsanitize=address.
 *  2. Properties at sizes too large for the case file (Karatsuba, Burnikel-
 *     Ziegler, divide-and-conquer base conversion), checked against simple
 *     reference algorithms in this file, with a fixed-seed generator.
 *
 * Prints "bignum: N checks passed" and exits 0, or lists failures and exits 1.
 * Build: gcc -std=c11 -O2 -Wall -Wextra -Ivm tests/unit/test_bignum.c vm/bignum.c -lm
 */
#include "bignum.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long n_checks, n_failed;
static long cur_line;
static const char *cur_op = "";

static void fail(const char *what)
{
    n_failed++;
    if (n_failed <= 25)
        fprintf(stderr, "FAIL line %ld (%s): %s\n", cur_line, cur_op, what);
}

#define CHECK(cond, what)        \
    do {                         \
        n_checks++;              \
        if (!(cond))             \
            fail(what);          \
    } while (0)

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* ---- numbers ---- */

typedef struct {
    bool neg;
    size_t n;
    bn_digit *d;
} Num;

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static Num num_hex(const char *s)
{
    Num x = {false, 0, NULL};
    if (*s == '-') {
        x.neg = true;
        s++;
    }
    size_t len = strlen(s);
    x.d = xmalloc((len + 7) / 8 * sizeof(bn_digit));
    for (size_t i = 0; i < len; i++) {
        size_t pos = len - 1 - i; /* i-th hex digit from the right */
        if (i % 8 == 0)
            x.d[i / 8] = 0;
        x.d[i / 8] |= (bn_digit)hexval(s[pos]) << (4 * (i % 8));
    }
    x.n = (len + 7) / 8;
    while (x.n > 0 && x.d[x.n - 1] == 0)
        x.n--;
    if (x.n == 0)
        x.neg = false;
    return x;
}

static double dbl_hex(const char *s)
{
    uint64_t bits = 0;
    for (int i = 0; i < 16; i++)
        bits = bits << 4 | (uint64_t)hexval(s[i]);
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

static uint64_t dbl_bits(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static bool eq(const bn_digit *a, size_t na, const Num *b)
{
    return na == b->n && (na == 0 || memcmp(a, b->d, na * sizeof(bn_digit)) == 0);
}

static bool eqs(bool aneg, const bn_digit *a, size_t na, const Num *b)
{
    return aneg == b->neg && eq(a, na, b);
}

static bn_digit *alloc_digits(size_t n)
{
    return malloc(n * sizeof(bn_digit)); /* exact size: ASan sees overruns */
}

/* ---- the case file ---- */

static char *read_line(FILE *f)
{
    size_t cap = 256, len = 0;
    char *buf = xmalloc(cap);
    int c;
    while ((c = fgetc(f)) != EOF && c != '\n') {
        if (len + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf)
                exit(2);
        }
        buf[len++] = (char)c;
    }
    if (c == EOF && len == 0) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

#define MAXTOK 8

static int split(char *line, char **tok)
{
    int n = 0;
    for (char *p = strtok(line, " "); p && n < MAXTOK; p = strtok(NULL, " "))
        tok[n++] = p;
    return n;
}

static void run_case(char **t, int nt)
{
    const char *op = t[0];
    cur_op = op;
    Num a = {0}, b = {0}, c = {0}, d = {0};
    bn_digit *r = NULL, *q = NULL;
    bool rneg;
    size_t n;

    if (!strcmp(op, "cmp") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]);
        CHECK(bn_cmp(a.d, a.n, b.d, b.n) == atoi(t[3]), "bn_cmp");
    } else if (!strcmp(op, "add") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]);
        size_t cap = (a.n > b.n ? a.n : b.n) + 1;
        r = alloc_digits(cap);
        n = bn_add(r, a.d, a.n, b.d, b.n);
        CHECK(eq(r, n, &c), "bn_add");
        /* in place: r aliases a (a copied into a buffer of the result capacity) */
        memcpy(r, a.d, a.n * sizeof(bn_digit));
        n = bn_add(r, r, a.n, b.d, b.n);
        CHECK(eq(r, n, &c), "bn_add aliasing a");
        memcpy(r, b.d, b.n * sizeof(bn_digit));
        n = bn_add(r, a.d, a.n, r, b.n);
        CHECK(eq(r, n, &c), "bn_add aliasing b");
    } else if (!strcmp(op, "sub") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]);
        r = alloc_digits(a.n);
        n = bn_sub(r, a.d, a.n, b.d, b.n);
        CHECK(eq(r, n, &c), "bn_sub");
        memcpy(r, a.d, a.n * sizeof(bn_digit));
        n = bn_sub(r, r, a.n, b.d, b.n);
        CHECK(eq(r, n, &c), "bn_sub aliasing a");
        memcpy(r, b.d, b.n * sizeof(bn_digit));
        n = bn_sub(r, a.d, a.n, r, b.n);
        CHECK(eq(r, n, &c), "bn_sub aliasing b");
    } else if (!strcmp(op, "adds") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]);
        r = alloc_digits((a.n > b.n ? a.n : b.n) + 1);
        n = bn_add_signed(r, &rneg, a.neg, a.d, a.n, b.neg, b.d, b.n);
        CHECK(eqs(rneg, r, n, &c), "bn_add_signed");
    } else if (!strcmp(op, "mul") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]);
        r = alloc_digits(a.n + b.n);
        n = bn_mul(r, a.d, a.n, b.d, b.n);
        CHECK(eq(r, n, &c), "bn_mul");
        if (a.n == b.n && memcmp(a.d, b.d, a.n * sizeof(bn_digit)) == 0) {
            n = bn_mul(r, a.d, a.n, a.d, a.n); /* same pointer: squaring path */
            CHECK(eq(r, n, &c), "bn_mul square");
        }
    } else if (!strcmp(op, "mulsmall") && nt == 5) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]); d = num_hex(t[4]);
        bn_digit m = b.n ? b.d[0] : 0, add = c.n ? c.d[0] : 0;
        r = alloc_digits(a.n + 1);
        n = bn_mul_small(r, a.d, a.n, m, add);
        CHECK(eq(r, n, &d), "bn_mul_small");
        memcpy(r, a.d, a.n * sizeof(bn_digit));
        n = bn_mul_small(r, r, a.n, m, add);
        CHECK(eq(r, n, &d), "bn_mul_small aliasing");
    } else if (!strcmp(op, "divsmall") && nt == 5) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]); d = num_hex(t[4]);
        q = alloc_digits(a.n);
        size_t nq;
        bn_digit rem = bn_divmod_small(q, &nq, a.d, a.n, b.d[0]);
        CHECK(eq(q, nq, &c) && rem == (d.n ? d.d[0] : 0), "bn_divmod_small");
        memcpy(q, a.d, a.n * sizeof(bn_digit));
        rem = bn_divmod_small(q, &nq, q, a.n, b.d[0]);
        CHECK(eq(q, nq, &c) && rem == (d.n ? d.d[0] : 0), "bn_divmod_small aliasing");
    } else if (!strcmp(op, "divmod") && nt == 5) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]); d = num_hex(t[4]);
        q = alloc_digits(a.n >= b.n ? a.n - b.n + 1 : 1);
        r = alloc_digits(b.n);
        size_t nq = 99, nr = 99;
        size_t st = bn_divmod(q, &nq, r, &nr, a.d, a.n, b.d, b.n);
        CHECK(st == 0 && eq(q, nq, &c) && eq(r, nr, &d), "bn_divmod");
        st = bn_divmod(q, &nq, NULL, NULL, a.d, a.n, b.d, b.n);
        CHECK(st == 0 && eq(q, nq, &c), "bn_divmod (no remainder)");
        st = bn_divmod(NULL, NULL, r, &nr, a.d, a.n, b.d, b.n);
        CHECK(st == 0 && eq(r, nr, &d), "bn_divmod (no quotient)");
    } else if ((!strcmp(op, "lshift") || !strcmp(op, "rshift")) && nt == 4) {
        a = num_hex(t[1]); c = num_hex(t[3]);
        uint64_t s = strtoull(t[2], NULL, 10);
        if (op[0] == 'l') {
            size_t cap = a.n + (size_t)(s / 32) + 1;
            r = alloc_digits(cap);
            n = bn_lshift(r, a.d, a.n, s);
            CHECK(eq(r, n, &c), "bn_lshift");
            memcpy(r, a.d, a.n * sizeof(bn_digit));
            n = bn_lshift(r, r, a.n, s);
            CHECK(eq(r, n, &c), "bn_lshift in place");
        } else {
            r = alloc_digits(a.n);
            n = bn_rshift(r, a.d, a.n, s);
            CHECK(eq(r, n, &c), "bn_rshift");
            memcpy(r, a.d, a.n * sizeof(bn_digit));
            n = bn_rshift(r, r, a.n, s);
            CHECK(eq(r, n, &c), "bn_rshift aliasing");
        }
    } else if (!strcmp(op, "bitop") && nt == 5) {
        char o = !strcmp(t[1], "and") ? '&' : !strcmp(t[1], "or") ? '|' : '^';
        a = num_hex(t[2]); b = num_hex(t[3]); c = num_hex(t[4]);
        r = alloc_digits((a.n > b.n ? a.n : b.n) + 1);
        n = bn_bitop(r, &rneg, o, a.neg, a.d, a.n, b.neg, b.d, b.n);
        CHECK(eqs(rneg, r, n, &c), "bn_bitop");
    } else if (!strcmp(op, "bitlen") && nt == 3) {
        a = num_hex(t[1]);
        CHECK(bn_bit_length(a.d, a.n) == strtoull(t[2], NULL, 10), "bn_bit_length");
    } else if (!strcmp(op, "hash") && nt == 3) {
        a = num_hex(t[1]);
        CHECK(bn_hash(a.d, a.n) == strtoull(t[2], NULL, 16), "bn_hash");
    } else if (!strcmp(op, "gcd") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]);
        r = alloc_digits(a.n > b.n ? a.n : b.n);
        n = bn_gcd(r, a.d, a.n, b.d, b.n);
        CHECK(eq(r, n, &c), "bn_gcd");
        n = bn_gcd(r, b.d, b.n, a.d, a.n);
        CHECK(eq(r, n, &c), "bn_gcd swapped");
    } else if (!strcmp(op, "isqrt") && nt == 3) {
        a = num_hex(t[1]); c = num_hex(t[2]);
        r = alloc_digits(a.n / 2 + 1);
        n = bn_isqrt(r, a.d, a.n);
        CHECK(eq(r, n, &c), "bn_isqrt");
    } else if (!strcmp(op, "powmod") && nt == 5) {
        a = num_hex(t[1]); b = num_hex(t[2]); c = num_hex(t[3]); d = num_hex(t[4]);
        r = alloc_digits(c.n);
        n = bn_powmod(r, a.d, a.n, b.d, b.n, c.d, c.n);
        CHECK(eq(r, n, &d), "bn_powmod");
    } else if (!strcmp(op, "todouble") && nt == 3) {
        a = num_hex(t[1]);
        bool ovf = false;
        double x = bn_to_double(a.d, a.n, &ovf);
        if (!strcmp(t[2], "ovf"))
            CHECK(ovf && x == HUGE_VAL, "bn_to_double overflow");
        else
            CHECK(!ovf && dbl_bits(x) == dbl_bits(dbl_hex(t[2])), "bn_to_double");
    } else if (!strcmp(op, "frexp") && nt == 4) {
        a = num_hex(t[1]);
        int64_t e = 12345;
        double m = bn_frexp(a.d, a.n, &e);
        CHECK(dbl_bits(m) == dbl_bits(dbl_hex(t[2])) && e == strtoll(t[3], NULL, 10),
              "bn_frexp");
    } else if (!strcmp(op, "truediv") && nt == 4) {
        a = num_hex(t[1]); b = num_hex(t[2]);
        bool ovf = false;
        double x = bn_truediv(a.d, a.n, b.d, b.n, &ovf);
        if (!strcmp(t[3], "ovf"))
            CHECK(ovf, "bn_truediv overflow");
        else
            CHECK(!ovf && dbl_bits(x) == dbl_bits(dbl_hex(t[3])), "bn_truediv");
    } else if (!strcmp(op, "fromdouble") && nt == 3) {
        double x = dbl_hex(t[1]);
        c = num_hex(t[2]);
        size_t cap = bn_from_double_size(x);
        r = alloc_digits(cap);
        n = bn_from_double(r, x);
        CHECK(n <= cap && eq(r, n, &c), "bn_from_double");
    } else if (!strcmp(op, "cmpdouble") && nt == 4) {
        a = num_hex(t[1]);
        double x = dbl_hex(t[2]);
        CHECK(bn_cmp_double(a.neg, a.d, a.n, x) == atoi(t[3]), "bn_cmp_double");
    } else if (!strcmp(op, "tostr") && nt == 4) {
        int base = atoi(t[1]);
        a = num_hex(t[2]);
        size_t cap = bn_str_size(a.n, base);
        char *s = malloc(cap);
        n = bn_to_string(s, a.d, a.n, base);
        CHECK(n <= cap && n == strlen(t[3]) && memcmp(s, t[3], n) == 0, "bn_to_string");
        free(s);
    } else if (!strcmp(op, "parse") && nt == 4) {
        int base = atoi(t[1]);
        size_t hl = strcmp(t[2], "-") ? strlen(t[2]) / 2 : 0;
        char *s = malloc(hl);
        for (size_t i = 0; i < hl; i++)
            s[i] = (char)(hexval(t[2][2 * i]) << 4 | hexval(t[2][2 * i + 1]));
        size_t cap = bn_parse_size(hl, base);
        r = alloc_digits(cap);
        n = bn_parse(r, &rneg, s, hl, base);
        if (!strcmp(t[3], "invalid")) {
            CHECK(n == BN_INVALID, "bn_parse should reject");
        } else {
            c = num_hex(t[3]);
            CHECK(n <= cap && eqs(rneg, r, n, &c), "bn_parse");
        }
        free(s);
    } else {
        fail("malformed case line");
    }
    free(a.d); free(b.d); free(c.d); free(d.d);
    free(r); free(q);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "test_bignum: cannot open %s\n", path);
        return -1;
    }
    char *line;
    cur_line = 0;
    while ((line = read_line(f)) != NULL) {
        cur_line++;
        char *tok[MAXTOK];
        if (line[0] != '#' && line[0] != '\0') {
            int nt = split(line, tok);
            if (nt > 0)
                run_case(tok, nt);
        }
        free(line);
    }
    fclose(f);
    return 0;
}

/* ======================================================================
 * Large-size properties
 * ====================================================================== */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* n random digits, top nonzero; style 0 uniform, 1 mostly all-ones, 2 sparse */
static void rand_fill(bn_digit *d, size_t n, int style)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t x = rnd();
        d[i] = style == 0 ? (bn_digit)x
             : style == 1 ? ((x & 15) ? 0xFFFFFFFFu : (bn_digit)(x >> 32))
             : ((x & 7) ? 0 : (bn_digit)(x >> 32));
    }
    if (n && d[n - 1] == 0)
        d[n - 1] = 1;
}

static size_t norm(const bn_digit *a, size_t n)
{
    while (n && a[n - 1] == 0)
        n--;
    return n;
}

static size_t ref_mul(bn_digit *r, const bn_digit *a, size_t na, const bn_digit *b, size_t nb)
{
    memset(r, 0, (na + nb) * sizeof(bn_digit));
    for (size_t i = 0; i < na; i++) {
        uint64_t c = 0;
        for (size_t j = 0; j < nb; j++) {
            c += (uint64_t)a[i] * b[j] + r[i + j];
            r[i + j] = (bn_digit)c;
            c >>= 32;
        }
        r[i + nb] = (bn_digit)c;
    }
    return norm(r, na + nb);
}

static void prop_mul(void)
{
    cur_op = "prop mul";
    static const size_t sizes[][2] = {
        {39, 39}, {40, 40}, {41, 40}, {63, 64}, {64, 64}, {65, 65}, {80, 80}, {81, 81},
        {127, 127}, {128, 128}, {300, 299}, {1000, 1000}, {1031, 1029}, {2048, 2048},
        {2100, 45}, {2100, 700}, {1500, 1400}, {700, 1999}, {333, 41}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int style = 0; style < 3; style++) {
            size_t na = sizes[k][0], nb = sizes[k][1];
            bn_digit *a = alloc_digits(na), *b = alloc_digits(nb);
            size_t cap = 2 * (na > nb ? na : nb); /* room for a*b and a*a */
            bn_digit *r = alloc_digits(cap), *e = alloc_digits(cap);
            rand_fill(a, na, style);
            rand_fill(b, nb, style);
            size_t n = bn_mul(r, a, na, b, nb);
            size_t ne = ref_mul(e, a, na, b, nb);
            CHECK(n == ne && memcmp(r, e, n * sizeof(bn_digit)) == 0, "bn_mul vs reference");
            n = bn_mul(r, a, na, a, na);
            ne = ref_mul(e, a, na, a, na);
            CHECK(n == ne && memcmp(r, e, n * sizeof(bn_digit)) == 0, "bn_mul square vs reference");
            free(a); free(b); free(r); free(e);
        }
    }
}

/* a == q*b + r and r < b */
static bool divmod_ok(const bn_digit *a, size_t na, const bn_digit *b, size_t nb,
                      const bn_digit *q, size_t nq, const bn_digit *r, size_t nr)
{
    if (bn_cmp(r, nr, b, nb) >= 0)
        return false;
    bn_digit *p = alloc_digits(nq + nb + 1);
    size_t np = nq ? ref_mul(p, q, nq, b, nb) : 0;
    np = bn_add(p, p, np, r, nr);
    bool ok = bn_cmp(p, np, a, na) == 0;
    free(p);
    return ok;
}

static void prop_divmod(void)
{
    cur_op = "prop divmod";
    static const size_t sizes[][2] = { /* {na, nb} */
        {120, 60}, {121, 60}, {200, 61}, {240, 120}, {500, 250}, {1000, 300}, {2000, 1000},
        {2500, 700}, {3000, 64}, {1300, 1200}, {4000, 2000}, {900, 899}, {1024, 512}};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (int style = 0; style < 3; style++) {
            size_t na = sizes[k][0], nb = sizes[k][1];
            bn_digit *a = alloc_digits(na), *b = alloc_digits(nb);
            bn_digit *q = alloc_digits(na - nb + 1), *r = alloc_digits(nb);
            rand_fill(a, na, style);
            rand_fill(b, nb, style == 2 ? 0 : style);
            if (style == 1)
                b[nb - 1] = 0x80000000u; /* exact top bit: no normalization shift */
            size_t nq, nr;
            size_t st = bn_divmod(q, &nq, r, &nr, a, na, b, nb);
            CHECK(st == 0 && divmod_ok(a, na, b, nb, q, nq, r, nr), "bn_divmod identity");
            free(a); free(b); free(q); free(r);
        }
    }
}

/* Reference conversion: repeated bn_divmod_small by base^k (k digits at a
 * time), least significant first. */
static size_t ref_to_string(char *out, const bn_digit *a, size_t na, int base)
{
    static const char cs[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    bn_digit bk = (bn_digit)base;
    int k = 1;
    while ((uint64_t)bk * (uint64_t)base <= 0xFFFFFFFFu) {
        bk *= (bn_digit)base;
        k++;
    }
    bn_digit *w = alloc_digits(na);
    memcpy(w, a, na * sizeof(bn_digit));
    size_t len = 0;
    while (na > 0) {
        bn_digit rem = bn_divmod_small(w, &na, w, na, bk);
        for (int i = 0; i < k; i++) {
            out[len++] = cs[rem % (bn_digit)base];
            rem /= (bn_digit)base;
        }
    }
    while (len > 1 && out[len - 1] == '0')
        len--;
    if (len == 0)
        out[len++] = '0';
    for (size_t i = 0; i < len / 2; i++) {
        char t = out[i];
        out[i] = out[len - 1 - i];
        out[len - 1 - i] = t;
    }
    free(w);
    return len;
}

static void prop_text(void)
{
    cur_op = "prop text";
    static const size_t sizes[] = {23, 24, 25, 200, 1000, 2047, 4000};
    static const int bases[] = {10, 3, 7, 36, 10};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (size_t bi = 0; bi < sizeof bases / sizeof bases[0]; bi++) {
            size_t na = sizes[k];
            int base = bases[bi];
            if (na > 2047 && base != 10)
                continue;
            bn_digit *a = alloc_digits(na);
            rand_fill(a, na, bi == 4 ? 2 : 0);
            size_t cap = bn_str_size(na, base);
            char *s = malloc(cap), *e = malloc(cap + 32); /* ref writes whole chunks */
            size_t n = bn_to_string(s, a, na, base);
            size_t ne = ref_to_string(e, a, na, base);
            CHECK(n == ne && memcmp(s, e, n) == 0, "bn_to_string vs reference");
            bn_digit *r = alloc_digits(bn_parse_size(n, base));
            bool neg;
            size_t nr = bn_parse(r, &neg, s, n, base);
            CHECK(nr == na && !neg && memcmp(r, a, na * sizeof(bn_digit)) == 0,
                  "bn_parse(bn_to_string(x)) == x");
            free(a); free(s); free(e); free(r);
        }
    }
    /* 10^k - 1 and 10^k around the divide-and-conquer boundaries */
    static const size_t ks[] = {9, 18, 144, 1151, 1152, 1153, 4608, 20000};
    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        size_t k = ks[i];
        char *s = malloc(k + 1);
        memset(s, '9', k);
        bn_digit *r = alloc_digits(bn_parse_size(k + 1, 10));
        bool neg;
        size_t n = bn_parse(r, &neg, s, k, 10); /* 10^k - 1 */
        size_t cap = bn_str_size(n + 1, 10);
        char *o = malloc(cap);
        size_t len = bn_to_string(o, r, n, 10);
        CHECK(len == k && memcmp(o, s, k) == 0, "10^k - 1 round trip");
        bn_digit one = 1;
        n = bn_add(r, r, n, &one, 1); /* 10^k */
        len = bn_to_string(o, r, n, 10);
        bool ok = len == k + 1 && o[0] == '1';
        for (size_t j = 1; ok && j < len; j++)
            ok = o[j] == '0';
        CHECK(ok, "10^k to string");
        free(s); free(r); free(o);
    }
}

static void prop_numtheory(void)
{
    cur_op = "prop gcd/isqrt/powmod";
    for (int it = 0; it < 12; it++) {
        size_t ng = 1 + (size_t)(rnd() % 60), na = 1 + (size_t)(rnd() % 400),
               nb = 1 + (size_t)(rnd() % 400);
        bn_digit *g = alloc_digits(ng), *a = alloc_digits(na), *b = alloc_digits(nb);
        rand_fill(g, ng, it % 3 == 1 ? 1 : 0);
        rand_fill(a, na, it % 3);
        rand_fill(b, nb, 0);
        bn_digit *ag = alloc_digits(na + ng), *bg = alloc_digits(nb + ng);
        size_t nag = bn_mul(ag, a, na, g, ng), nbg = bn_mul(bg, b, nb, g, ng);
        size_t cap = nag > nbg ? nag : nbg;
        bn_digit *r = alloc_digits(cap), *q = alloc_digits(cap + 1), *m = alloc_digits(cap);
        size_t nr = bn_gcd(r, ag, nag, bg, nbg);
        /* g divides gcd; gcd divides both; the cofactors are coprime */
        size_t nq, nm;
        bn_divmod(q, &nq, m, &nm, r, nr, g, ng);
        bool ok = nm == 0;
        size_t na2, nb2;
        bn_digit *a2 = alloc_digits(nag), *b2 = alloc_digits(nbg);
        bn_divmod(a2, &na2, m, &nm, ag, nag, r, nr);
        ok = ok && nm == 0;
        bn_divmod(b2, &nb2, m, &nm, bg, nbg, r, nr);
        ok = ok && nm == 0;
        size_t n1 = bn_gcd(m, a2, na2, b2, nb2);
        ok = ok && n1 == 1 && m[0] == 1;
        CHECK(ok, "bn_gcd properties");
        free(g); free(a); free(b); free(ag); free(bg); free(r); free(q); free(m);
        free(a2); free(b2);
    }
    for (int it = 0; it < 12; it++) {
        size_t na = 1 + (size_t)(rnd() % 3000);
        bn_digit *a = alloc_digits(na);
        rand_fill(a, na, it % 3);
        bn_digit *r = alloc_digits(na / 2 + 2), *sq = alloc_digits(na + 4);
        size_t nr = bn_isqrt(r, a, na);
        size_t ns = bn_mul(sq, r, nr, r, nr);
        bool ok = bn_cmp(sq, ns, a, na) <= 0;
        bn_digit one = 1;
        nr = bn_add(r, r, nr, &one, 1);
        ns = bn_mul(sq, r, nr, r, nr);
        ok = ok && bn_cmp(sq, ns, a, na) > 0;
        CHECK(ok, "bn_isqrt: r^2 <= a < (r+1)^2");
        free(a); free(r); free(sq);
    }
    /* powmod against square-and-multiply with bn_mul and bn_divmod */
    for (int it = 0; it < 6; it++) {
        size_t nm = 1 + (size_t)(rnd() % 150), nb = 1 + (size_t)(rnd() % 200);
        size_t ne = 1 + (size_t)(rnd() % 4);
        bn_digit *m = alloc_digits(nm), *b = alloc_digits(nb), *e = alloc_digits(ne);
        rand_fill(m, nm, 0);
        rand_fill(b, nb, it % 2);
        rand_fill(e, ne, 0);
        bn_digit *r = alloc_digits(nm);
        size_t nr = bn_powmod(r, b, nb, e, ne, m, nm);
        bn_digit *acc = alloc_digits(2 * nm + nb + 2), *p = alloc_digits(2 * nm + nb + 2);
        size_t nacc = 1;
        acc[0] = 1;
        for (int64_t i = (int64_t)bn_bit_length(e, ne) - 1; i >= 0; i--) {
            size_t np = ref_mul(p, acc, nacc, acc, nacc);
            bn_divmod(NULL, NULL, acc, &nacc, p, np, m, nm);
            if ((e[i / 32] >> (i % 32)) & 1) {
                np = nacc ? ref_mul(p, acc, nacc, b, nb) : 0;
                bn_divmod(NULL, NULL, acc, &nacc, p, np, m, nm);
            }
        }
        CHECK(nr == nacc && memcmp(r, acc, nr * sizeof(bn_digit)) == 0,
              "bn_powmod vs square-and-multiply");
        free(m); free(b); free(e); free(r); free(acc); free(p);
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "tests/unit/data/bignum_cases.txt";
    if (run_file(path) < 0)
        return 2;
    cur_line = 0;
    prop_mul();
    prop_divmod();
    prop_text();
    prop_numtheory();
    if (n_failed) {
        printf("bignum: %ld of %ld checks FAILED\n", n_failed, n_checks);
        return 1;
    }
    printf("bignum: %ld checks passed\n", n_checks);
    return 0;
}
