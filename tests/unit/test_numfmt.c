/* test_numfmt.c - unit test of vm/numfmt.c against CPython 3.11.
 *
 * Build and run (from the repository root):
 *   gcc -std=c11 -O2 -Wall -Wextra -Ivm tests/unit/test_numfmt.c vm/numfmt.c -lm -o /tmp/tn
 *   /tmp/tn tests/unit/data/numfmt_cases.txt [more case files...]
 *
 * Two kinds of checks:
 *  - vectors: every case file named on the command line (made by
 *    tests/unit/gen_numfmt_cases.py, format described there) is replayed and
 *    each result compared byte for byte with CPython's;
 *  - self checks that need no oracle file: a million random doubles must
 *    repr to text that reads back to the same double (through nf_parse_double
 *    and through the C library's strtod) with no shorter text doing so, and
 *    a million random decimal strings must parse exactly as strtod does
 *    (glibc's strtod is correctly rounded).
 * It also prints the speed of nf_repr_double and nf_parse_double.
 * Exit status 0 when every check passed; prints "numfmt: N checks passed".
 */
#include "numfmt.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long g_checks, g_failures;

static void failf(const char *fmt, ...) {
    g_failures++;
    if (g_failures > 40) return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- case files ---- */

/* Read one line (without the newline) into *buf; false at end of file. */
static bool read_line(FILE *f, char **buf, size_t *cap, size_t *len) {
    size_t n = 0;
    int c;
    while ((c = fgetc(f)) != EOF && c != '\n') {
        if (n + 1 >= *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *buf = realloc(*buf, *cap);
            if (!*buf) { fprintf(stderr, "out of memory\n"); exit(2); }
        }
        (*buf)[n++] = (char)c;
    }
    if (c == EOF && n == 0) return false;
    if (!*buf) {
        *cap = 16;
        *buf = malloc(*cap);
        if (!*buf) exit(2);
    }
    (*buf)[n] = '\0';
    *len = n;
    return true;
}

/* Undo the case file's escapes in place; returns the new length. */
static size_t unescape(char *s) {
    size_t i = 0, o = 0;
    while (s[i]) {
        if (s[i] == '\\' && s[i + 1]) {
            char c = s[i + 1];
            if (c == 't') { s[o++] = '\t'; i += 2; }
            else if (c == 'n') { s[o++] = '\n'; i += 2; }
            else if (c == 'x') {
                char h[3] = {s[i + 2], s[i + 3], 0};
                s[o++] = (char)strtol(h, NULL, 16);
                i += 4;
            } else { s[o++] = c; i += 2; }
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    return o;
}

#define MAXF 8
typedef struct {
    char *f[MAXF];
    size_t n[MAXF];
    int count;
} Fields;

/* Split at TABs (in place) and unescape every field. */
static void split(char *line, Fields *fs) {
    fs->count = 0;
    char *p = line;
    for (;;) {
        char *t = strchr(p, '\t');
        if (fs->count < MAXF) fs->f[fs->count] = p;
        if (t) *t = '\0';
        if (fs->count < MAXF) fs->n[fs->count] = unescape(p);
        fs->count++;
        if (!t) break;
        p = t + 1;
    }
}

static double bits_to_double(const char *hex) {
    uint64_t b = strtoull(hex, NULL, 16);
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static uint64_t dbits(double x) {
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

/* a[0..an) == b[0..bn) (a may be NULL when an is 0) */
static bool same(const char *a, size_t an, const char *b, size_t bn) {
    return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

static size_t count_cp(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Compare a formatting outcome with the expected field: text, "!message"
 * or "!!MemoryError". */
static void check_format(const char *what, const char *spec, size_t speclen, bool ok, StrBuf *out,
                         const char *err, const char *type_name, const char *exp, size_t explen,
                         long lineno) {
    g_checks++;
    if (explen >= 2 && exp[0] == '!' && exp[1] == '!') {
        if (!out->oom) failf("line %ld: %s spec '%s': expected MemoryError", lineno, what, spec);
        return;
    }
    if (exp[0] == '!') {
        if (ok) {
            failf("line %ld: %s spec '%s': expected error '%s', got '%s'", lineno, what, spec, exp + 1,
                  sb_cstr(out));
            return;
        }
        StrBuf msg = STRBUF_INIT;
        nf_error_message(&msg, err, spec, speclen, type_name);
        if (!same(msg.data, msg.len, exp + 1, explen - 1))
            failf("line %ld: %s spec '%s': error '%s', expected '%s'", lineno, what, spec, sb_cstr(&msg),
                  exp + 1);
        sb_free(&msg);
        return;
    }
    if (!ok) {
        failf("line %ld: %s spec '%s': unexpected error '%s', expected '%s'", lineno, what, spec, err, exp);
        return;
    }
    if (out->oom || !same(out->data, out->len, exp, explen))
        failf("line %ld: %s spec '%s': got '%s', expected '%s'", lineno, what, spec, sb_cstr(out), exp);
}

static void run_case(Fields *fs, long lineno) {
    char kind = fs->f[0][0];
    StrBuf out = STRBUF_INIT;
    NfSpec spec;
    const char *err = NULL;
    bool ok;
    switch (kind) {
    case 'R': {
        char buf[32];
        size_t n = nf_repr_double(bits_to_double(fs->f[1]), buf);
        g_checks++;
        if (!same(buf, n, fs->f[2], fs->n[2]))
            failf("line %ld: repr of %s: got '%.*s', expected '%s'", lineno, fs->f[1], (int)n, buf, fs->f[2]);
        break;
    }
    case 'D': {
        double x = bits_to_double(fs->f[1]);
        nf_format_double(&out, x, fs->f[2][0], atoi(fs->f[3]), fs->f[4][0] == '1');
        g_checks++;
        if (!same(out.data, out.len, fs->f[5], fs->n[5]))
            failf("line %ld: %%%s.%s%s of %s: got '%s', expected '%s'", lineno, fs->f[4][0] == '1' ? "#" : "",
                  fs->f[3], fs->f[2], fs->f[1], sb_cstr(&out), fs->f[5]);
        break;
    }
    case 'F':
        ok = nf_parse_spec(fs->f[2], fs->n[2], &spec, &err) &&
             nf_format_float(&out, bits_to_double(fs->f[1]), &spec, &err);
        check_format("float", fs->f[2], fs->n[2], ok, &out, err, "float", fs->f[3], fs->n[3], lineno);
        break;
    case 'I':
        ok = nf_parse_spec(fs->f[3], fs->n[3], &spec, &err) &&
             nf_format_int(&out, fs->f[1][0] == '1', fs->f[2], fs->n[2], &spec, &err);
        check_format("int", fs->f[3], fs->n[3], ok, &out, err, "int", fs->f[4], fs->n[4], lineno);
        break;
    case 'C':
        ok = nf_parse_spec(fs->f[2], fs->n[2], &spec, &err) &&
             nf_format_int(&out, false, fs->f[1], fs->n[1], &spec, &err);
        check_format("int(c)", fs->f[2], fs->n[2], ok, &out, err, "int", fs->f[3], fs->n[3], lineno);
        break;
    case 'S':
        ok = nf_parse_spec(fs->f[2], fs->n[2], &spec, &err) &&
             nf_format_str(&out, fs->f[1], fs->n[1], count_cp(fs->f[1], fs->n[1]), &spec, &err);
        check_format("str", fs->f[2], fs->n[2], ok, &out, err, "str", fs->f[3], fs->n[3], lineno);
        break;
    case 'P': {
        double v = 0;
        ok = nf_parse_double(fs->f[1], fs->n[1], &v);
        g_checks++;
        if (fs->f[2][0] == '!') {
            if (ok) failf("line %ld: parse '%s' should fail", lineno, fs->f[1]);
        } else if (!ok || dbits(v) != strtoull(fs->f[2], NULL, 16)) {
            failf("line %ld: parse '%s': got %d %016llx, expected %s", lineno, fs->f[1], ok,
                  (unsigned long long)dbits(v), fs->f[2]);
        }
        break;
    }
    case 'O': {
        bool ovf;
        double r = nf_round_double(bits_to_double(fs->f[1]), strtoll(fs->f[2], NULL, 10), &ovf);
        g_checks++;
        if (fs->f[3][0] == '!') {
            if (!ovf) failf("line %ld: round(%s, %s) should overflow", lineno, fs->f[1], fs->f[2]);
        } else if (ovf || dbits(r) != strtoull(fs->f[3], NULL, 16)) {
            failf("line %ld: round(%s, %s): got %d %016llx, expected %s", lineno, fs->f[1], fs->f[2], ovf,
                  (unsigned long long)dbits(r), fs->f[3]);
        }
        break;
    }
    case 'H':
        nf_double_to_hex(&out, bits_to_double(fs->f[1]));
        g_checks++;
        if (!same(out.data, out.len, fs->f[2], fs->n[2]))
            failf("line %ld: hex of %s: got '%s', expected '%s'", lineno, fs->f[1], sb_cstr(&out), fs->f[2]);
        break;
    case 'X': {
        double v = 1.0;
        ok = nf_double_from_hex(fs->f[1], fs->n[1], &v);
        g_checks++;
        if (strcmp(fs->f[2], "!value") == 0) {
            if (ok || v != 0.0) failf("line %ld: fromhex '%s' should be invalid", lineno, fs->f[1]);
        } else if (strcmp(fs->f[2], "!overflow") == 0) {
            if (ok || !isinf(v)) failf("line %ld: fromhex '%s' should overflow", lineno, fs->f[1]);
        } else if (!ok || dbits(v) != strtoull(fs->f[2], NULL, 16)) {
            failf("line %ld: fromhex '%s': got %d %016llx, expected %s", lineno, fs->f[1], ok,
                  (unsigned long long)dbits(v), fs->f[2]);
        }
        break;
    }
    default:
        failf("line %ld: unknown case kind '%c'", lineno, kind);
    }
    sb_free(&out);
}

static void run_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        failf("cannot open %s", path);
        return;
    }
    char *line = NULL;
    size_t cap = 0, len;
    long lineno = 0;
    Fields fs;
    while (read_line(f, &line, &cap, &len)) {
        lineno++;
        if (len == 0 || line[0] == '#') continue;
        split(line, &fs);
        run_case(&fs, lineno);
    }
    free(line);
    fclose(f);
}

/* ---- self checks ---- */

static uint64_t g_rng = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void) {   /* xorshift64* */
    g_rng ^= g_rng >> 12;
    g_rng ^= g_rng << 25;
    g_rng ^= g_rng >> 27;
    return g_rng * 2685821657736338717u;
}

static double random_double(void) {
    for (;;) {
        uint64_t b = rnd();
        switch (b & 3) {
        case 0: break;                                          /* any bit pattern */
        case 1: b = (b >> 2) & 0x000FFFFFFFFFFFFFu; break;      /* subnormal */
        case 2: b = (b >> 12) | ((uint64_t)(1023 + (int)(rnd() % 120) - 60) << 52); break;
        default: b = (b >> 2) | 0x8000000000000000u; break;     /* negative */
        }
        double x;
        memcpy(&x, &b, sizeof x);
        if (isfinite(x)) return x;
    }
}

/* Does the decimal digits[0..nd) * 10^e read back as x (by strtod)? */
static bool reads_as(unsigned long long digits, int e, double x) {
    char t[48];
    snprintf(t, sizeof t, "%llue%d", digits, e);
    return strtod(t, NULL) == x;
}

/* repr(x) must read back as x, and no text with one digit less may. */
static void check_repr_roundtrip(double x) {
    char buf[32];
    size_t n = nf_repr_double(x, buf);
    double back = 0;
    g_checks++;
    if (!nf_parse_double(buf, n, &back) || dbits(back) != dbits(x) || dbits(strtod(buf, NULL)) != dbits(x)) {
        failf("repr %.17g -> '%s' does not read back", x, buf);
        return;
    }
    /* The value is d * 10^e with d holding the significant digits. */
    unsigned long long d = 0;
    int nd = 0, e = 0;
    bool frac = false;
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '.') {
            frac = true;
        } else if (c >= '0' && c <= '9') {
            d = d * 10 + (unsigned)(c - '0');
            if (d) nd++;
            if (frac) e--;
        } else if (c == 'e') {
            e += atoi(buf + i + 1);
            break;
        }
    }
    while (d && d % 10 == 0) { d /= 10; e++; nd--; }   /* "123.0": the zeros are not digits */
    if (nd > 17) failf("repr %.17g -> '%s' has more than 17 digits", x, buf);
    if (nd <= 1) return;
    unsigned long long t = d / 10;
    g_checks++;
    if ((t > 0 && reads_as(t - 1, e + 1, x)) || reads_as(t, e + 1, x) || reads_as(t + 1, e + 1, x))
        failf("repr %.17g -> '%s' is not the shortest", x, buf);
}

static void self_check_repr(long n) {
    double specials[] = {5e-324, 1e-323, 2.2250738585072014e-308, 1.7976931348623157e308, 1e23, 0.1};
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) check_repr_roundtrip(specials[i]);
    for (uint64_t t = 1; t < 5000; t++) {   /* the smallest subnormals */
        double x;
        memcpy(&x, &t, sizeof x);
        check_repr_roundtrip(x);
    }
    for (long i = 0; i < n; i++) check_repr_roundtrip(random_double());
}

/* Random decimal strings: nf_parse_double must agree with strtod. */
static void self_check_parse(long n) {
    char s[900];
    for (long i = 0; i < n; i++) {
        uint64_t r = rnd();
        int nd = (int)(r % 20) + 1;
        if ((r >> 8) % 64 == 0) nd = (int)(rnd() % 850) + 1;   /* sometimes very long */
        int k = 0;
        if ((r >> 16) & 1) s[k++] = '-';
        int point = (int)((r >> 20) % (unsigned)(nd + 1));
        for (int j = 0; j < nd; j++) {
            if (j == point) s[k++] = '.';
            s[k++] = (char)('0' + rnd() % 10);
        }
        int e = (int)(rnd() % 700) - 350;
        k += snprintf(s + k, sizeof s - (size_t)k, "e%d", e);
        double a = 0, b = strtod(s, NULL);
        g_checks++;
        if (!nf_parse_double(s, (size_t)k, &a) || dbits(a) != dbits(b))
            failf("parse '%s': got %.17g, strtod %.17g", s, a, b);
    }
}

/* Outputs too large to build must fail fast with out->oom set (CPython
 * would raise MemoryError, or spin counting separators for a long time). */
static void check_huge(void) {
    static const char *specs[] = {"09223372036854775000,", "09223372036854775000_x", "9223372036854775000",
                                  "\xC3\xA9^9223372036854775000"};
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        NfSpec spec;
        const char *err;
        StrBuf out = STRBUF_INIT;
        g_checks++;
        if (!nf_parse_spec(specs[i], strlen(specs[i]), &spec, &err) ||
            !nf_format_int(&out, false, "ff", 2, &spec, &err) || !out.oom)
            failf("huge spec '%s' did not fail with oom", specs[i]);
        sb_free(&out);
        g_checks++;
        spec.type = 0;
        if (!nf_format_float(&out, 1.5, &spec, &err) || !out.oom)
            failf("huge float spec '%s' did not fail with oom", specs[i]);
        sb_free(&out);
    }
    /* Precision 2^31 - 1 is allowed; with 'g' and no '#' the result is short. */
    NfSpec spec;
    const char *err;
    StrBuf out = STRBUF_INIT;
    g_checks++;
    if (!nf_parse_spec(".2147483647", 11, &spec, &err) || !nf_format_float(&out, 0.1, &spec, &err) ||
        strcmp(sb_cstr(&out), "0.1000000000000000055511151231257827021181583404541015625") != 0)
        failf("format(0.1, '.2147483647') gave '%s'", sb_cstr(&out));
    sb_free(&out);
}

/* ---- timing ---- */

static double seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void timing(void) {
    enum { N = 1000000 };
    double *xs = malloc(N * sizeof *xs);
    if (!xs) return;
    for (int i = 0; i < N; i++) xs[i] = random_double();
    char buf[32];
    size_t total = 0;
    double t0 = seconds();
    for (int i = 0; i < N; i++) total += nf_repr_double(xs[i], buf);
    double t1 = seconds();
    for (int i = 0; i < N; i++) xs[i] = (double)(rnd() % 1000000) / 1000.0;   /* "human" values */
    double t2 = seconds();
    for (int i = 0; i < N; i++) total += nf_repr_double(xs[i], buf);
    double t3 = seconds();
    double acc = 0;
    for (int i = 0; i < N; i++) {
        size_t n = nf_repr_double(xs[i] * 1.1e-3, buf);
        double v;
        nf_parse_double(buf, n, &v);
        acc += v;
    }
    double t4 = seconds();
    StrBuf sb = STRBUF_INIT;
    NfSpec spec;
    const char *err;
    nf_parse_spec(".2f", 3, &spec, &err);
    for (int i = 0; i < N; i++) {
        sb_clear(&sb);
        nf_format_float(&sb, xs[i], &spec, &err);
        total += sb.len;
    }
    double t5 = seconds();
    sb_free(&sb);
    printf("nf_repr_double: %.1f ns/call (random bit patterns), %.1f ns/call (short decimals)\n",
           (t1 - t0) * 1e9 / N, (t3 - t2) * 1e9 / N);
    printf("nf_repr_double + nf_parse_double: %.1f ns/pair; format(x, '.2f'): %.1f ns/call (%zu %g)\n",
           (t4 - t3) * 1e9 / N, (t5 - t4) * 1e9 / N, total % 10, acc > 0 ? 1.0 : 0.0);
    free(xs);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) run_file(argv[i]);
    long vectors = g_checks;
    check_huge();
    self_check_repr(1000000);
    self_check_parse(1000000);
    if (!getenv("NUMFMT_NO_TIMING")) timing();
    if (g_failures) {
        printf("numfmt: %ld of %ld checks FAILED\n", g_failures, g_checks);
        return 1;
    }
    printf("numfmt: %ld vectors from case files, %ld self checks\n", vectors, g_checks - vectors);
    printf("numfmt: %ld checks passed\n", g_checks);
    return 0;
}
