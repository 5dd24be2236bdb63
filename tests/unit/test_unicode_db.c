/* test_unicode_db.c - exhaustive check of vm/unicode_db.c against CPython.
 *
 * Usage: test_unicode_db tests/unit/data/unicode_db_expect.bin
 *
 * The data file holds what CPython 3.11 answers for every code point
 * 0..0x10FFFF (written by tools/gen_unicode_db.py; its docstring gives the
 * format): the results of the str predicates, two final-sigma probes, the
 * general category, unicodedata.decimal/digit and the four full case
 * mappings.  Every ucd_* function is compared with them for every code point,
 * then code points above 0x10FFFF are checked to be unassigned and unmapped.
 * Prints "unicode_db: N checks passed" and exits 0, or lists the first
 * failures and exits 1 (2 on an unreadable or malformed data file).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_db.h"

#define NCP 0x110000u
#define MAX_REPORTS 20

/* Observation bits, in the generator's OBS_NAMES order. */
enum {
    OBS_ALPHA, OBS_DECIMAL, OBS_DIGIT, OBS_NUMERIC, OBS_ALNUM, OBS_SPACE,
    OBS_LOWER, OBS_UPPER, OBS_TITLE, OBS_PRINTABLE, OBS_IDENT,
    OBS_IDENT_CONT, OBS_SPLITLINES, OBS_SIGMA_BEFORE, OBS_SIGMA_AFTER
};

enum { MAP_LOWER, MAP_UPPER, MAP_TITLE, MAP_FOLD, NMAPS };

typedef struct Expect {
    unsigned bits;
    char category[3];
    int decimal, digit;
    int maplen[NMAPS];
    int32_t map[NMAPS][3]; /* delta if maplen == 1, else code points */
} Expect;

typedef struct Reader {
    const unsigned char *p, *end;
    int bad;
} Reader;

static uint64_t checks;
static unsigned failures;

static void fail(uint32_t cp, const char *what, long got, long want)
{
    if (++failures <= MAX_REPORTS)
        fprintf(stderr, "U+%04lX: %s: got %ld, want %ld\n",
                (unsigned long)cp, what, got, want);
}

static void check_int(uint32_t cp, const char *what, long got, long want)
{
    checks++;
    if (got != want)
        fail(cp, what, got, want);
}

static unsigned rd_u8(Reader *r)
{
    if (r->p >= r->end) {
        r->bad = 1;
        return 0;
    }
    return *r->p++;
}

static uint32_t rd_le(Reader *r, int nbytes)
{
    uint32_t v = 0;
    int i;
    for (i = 0; i < nbytes; i++)
        v |= (uint32_t)rd_u8(r) << (8 * i);
    return v;
}

static uint32_t rd_leb128(Reader *r)
{
    uint32_t v = 0;
    int shift;
    for (shift = 0; shift < 32; shift += 7) {
        unsigned byte = rd_u8(r);
        v |= (uint32_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80))
            return v;
    }
    r->bad = 1;
    return 0;
}

static int32_t to_i32(uint32_t v)
{
    return v < 0x80000000u ? (int32_t)v : -(int32_t)(0xFFFFFFFFu - v) - 1;
}

static void read_expect(Reader *r, Expect *e)
{
    int m, i;
    e->bits = rd_le(r, 2);
    e->category[0] = (char)rd_u8(r);
    e->category[1] = (char)rd_u8(r);
    e->category[2] = '\0';
    e->decimal = (signed char)rd_u8(r);
    e->digit = (signed char)rd_u8(r);
    for (m = 0; m < NMAPS; m++) {
        e->maplen[m] = (int)rd_u8(r);
        if (e->maplen[m] < 1 || e->maplen[m] > 3) {
            r->bad = 1;
            return;
        }
        for (i = 0; i < e->maplen[m]; i++)
            e->map[m][i] = to_i32(rd_le(r, 4));
    }
}

static void check_bool(uint32_t cp, const char *what, int got, int want)
{
    check_int(cp, what, got != 0, want != 0);
}

static void check_map(uint32_t cp, const char *what,
                      int (*fn)(uint32_t, uint32_t[3]),
                      const Expect *e, int m)
{
    uint32_t out[3];
    int n = fn(cp, out), i;
    check_int(cp, what, n, e->maplen[m]);
    if (n != e->maplen[m])
        return;
    for (i = 0; i < n; i++) {
        uint32_t want = n == 1 ? cp + (uint32_t)e->map[m][0]
                               : (uint32_t)e->map[m][i];
        check_int(cp, what, (long)out[i], (long)want);
    }
}

static void check_code_point(uint32_t cp, const Expect *e)
{
#define OBS(bit) ((e->bits >> (bit)) & 1u)
    int lt = strcmp(e->category, "Lt") == 0;
    int ignorable = OBS(OBS_SIGMA_BEFORE) && OBS(OBS_SIGMA_AFTER);
    /* A case-ignorable character hides itself from the sigma probes, so
     * its Cased property comes from the definition Lowercase|Uppercase|Lt. */
    int cased = ignorable ? (OBS(OBS_LOWER) || OBS(OBS_UPPER) || lt)
                          : (OBS(OBS_SIGMA_BEFORE) && !OBS(OBS_SIGMA_AFTER));

    check_bool(cp, "isalpha", ucd_isalpha(cp), OBS(OBS_ALPHA));
    check_bool(cp, "isdecimal", ucd_isdecimal(cp), OBS(OBS_DECIMAL));
    check_bool(cp, "isdigit", ucd_isdigit(cp), OBS(OBS_DIGIT));
    check_bool(cp, "isnumeric", ucd_isnumeric(cp), OBS(OBS_NUMERIC));
    check_bool(cp, "isalnum", ucd_isalnum(cp), OBS(OBS_ALNUM));
    check_bool(cp, "isspace", ucd_isspace(cp), OBS(OBS_SPACE));
    check_bool(cp, "islower", ucd_islower(cp), OBS(OBS_LOWER));
    check_bool(cp, "isupper", ucd_isupper(cp), OBS(OBS_UPPER));
    check_bool(cp, "istitle", ucd_istitle(cp), lt);
    /* A one-character str.istitle() accepts titlecase or uppercase. */
    check_bool(cp, "str.istitle", ucd_istitle(cp) || ucd_isupper(cp),
               OBS(OBS_TITLE));
    check_bool(cp, "iscased", ucd_iscased(cp), cased);
    check_bool(cp, "iscaseignorable", ucd_iscaseignorable(cp), ignorable);
    check_bool(cp, "isprintable", ucd_isprintable(cp), OBS(OBS_PRINTABLE));
    check_bool(cp, "isxid_start", ucd_isxid_start(cp), OBS(OBS_IDENT));
    check_bool(cp, "isxid_continue", ucd_isxid_continue(cp),
               OBS(OBS_IDENT_CONT));
    check_bool(cp, "islinebreak", ucd_islinebreak(cp), OBS(OBS_SPLITLINES));
    check_int(cp, "decimal", ucd_decimal(cp), e->decimal);
    check_int(cp, "digit", ucd_digit(cp), e->digit);
    checks++;
    if (strcmp(ucd_category(cp), e->category) != 0 &&
        ++failures <= MAX_REPORTS)
        fprintf(stderr, "U+%04lX: category: got %s, want %s\n",
                (unsigned long)cp, ucd_category(cp), e->category);
    check_map(cp, "lower", ucd_lower, e, MAP_LOWER);
    check_map(cp, "upper", ucd_upper, e, MAP_UPPER);
    check_map(cp, "title", ucd_title, e, MAP_TITLE);
    check_map(cp, "casefold", ucd_casefold, e, MAP_FOLD);
#undef OBS
}

/* Code points beyond Unicode: no property, Cn, mapped to themselves. */
static void check_out_of_range(void)
{
    static const uint32_t cps[] = {0x110000u, 0x1FFFFFu, 0x7FFFFFFFu,
                                   0xFFFFFFFFu};
    static const Expect none = {0, "Cn", -1, -1, {1, 1, 1, 1}, {{0}}};
    size_t i;
    for (i = 0; i < sizeof cps / sizeof cps[0]; i++)
        check_code_point(cps[i], &none);
}

static unsigned char *load(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, len = 0, n;
    if (!f)
        return NULL;
    do {
        if (len == cap) {
            unsigned char *grown;
            cap = cap ? 2 * cap : 1 << 16;
            grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = len;
    return buf;
}

static int run(const unsigned char *data, size_t size)
{
    Reader r = {data, data + size, 0};
    Expect *recs;
    uint32_t nrec, nruns, i, cp = 0;
    if (size < 8 || memcmp(data, "TXUCDX01", 8) != 0)
        return 0;
    r.p += 8;
    nrec = rd_le(&r, 4);
    if (r.bad || nrec == 0 || nrec > 65536)
        return 0;
    recs = calloc(nrec, sizeof *recs);
    if (!recs)
        return 0;
    for (i = 0; i < nrec && !r.bad; i++)
        read_expect(&r, &recs[i]);
    nruns = rd_le(&r, 4);
    for (i = 0; i < nruns && !r.bad; i++) {
        uint32_t len = rd_leb128(&r), rid = rd_le(&r, 2), end;
        if (r.bad || rid >= nrec || len > NCP - cp) {
            r.bad = 1;
            break;
        }
        for (end = cp + len; cp < end; cp++)
            check_code_point(cp, &recs[rid]);
    }
    free(recs);
    return !r.bad && cp == NCP && r.p == r.end;
}

int main(int argc, char **argv)
{
    unsigned char *data;
    size_t size = 0;
    int ok;
    if (argc != 2) {
        fprintf(stderr, "usage: %s unicode_db_expect.bin\n", argv[0]);
        return 2;
    }
    data = load(argv[1], &size);
    if (!data) {
        fprintf(stderr, "unicode_db: cannot read %s\n", argv[1]);
        return 2;
    }
    ok = run(data, size);
    free(data);
    if (!ok) {
        fprintf(stderr, "unicode_db: %s is malformed\n", argv[1]);
        return 2;
    }
    check_out_of_range();
    if (failures) {
        fprintf(stderr, "unicode_db: %u of %llu checks failed\n", failures,
                (unsigned long long)checks);
        return 1;
    }
    printf("unicode_db: %llu checks passed\n", (unsigned long long)checks);
    return 0;
}
