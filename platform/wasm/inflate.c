/* inflate.c - a small DEFLATE (RFC 1951) decoder for the WebAssembly
 * builds, which keep the frozen pure-Python library compressed (see
 * pack_frozen.py): about a quarter of the .wasm otherwise.
 *
 * wasm_inflate decodes a raw DEFLATE stream (no zlib or gzip header) into
 * a buffer of exactly the expected size.  Simplicity over speed: Huffman
 * codes are decoded one bit at a time from canonical code counts, which
 * is fast enough for the few hundred KiB unpacked once at start-up.
 *
 * Invariants: never reads past in[in_len) or writes past out[out_len);
 * any malformed input (bad block type, invalid code, distance before the
 * start, output too long or too short) returns false.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool wasm_inflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_len);

enum { MAX_BITS = 15, MAX_LIT = 288, MAX_DIST = 30 };

typedef struct Stream {
    const uint8_t *in;
    size_t in_len, in_pos;
    uint32_t bitbuf;            /* bits not yet used, least significant first */
    int bitcnt;
    uint8_t *out;
    size_t out_len, out_pos;
} Stream;

/* A canonical Huffman code: how many codes of each length, and the
 * symbols ordered by (length, symbol). */
typedef struct Huffman {
    uint16_t count[MAX_BITS + 1];
    uint16_t symbol[MAX_LIT];
} Huffman;

/* n bits (n <= 16), or -1 at the end of the input. */
static int32_t bits(Stream *s, int n) {
    while (s->bitcnt < n) {
        if (s->in_pos >= s->in_len) return -1;
        s->bitbuf |= (uint32_t)s->in[s->in_pos++] << s->bitcnt;
        s->bitcnt += 8;
    }
    int32_t v = (int32_t)(s->bitbuf & ((1u << n) - 1));
    s->bitbuf >>= n;
    s->bitcnt -= n;
    return v;
}

/* Build h from code lengths; false if the lengths over-subscribe. */
static bool build(Huffman *h, const uint8_t *lengths, int n) {
    uint16_t offs[MAX_BITS + 1];
    for (int len = 0; len <= MAX_BITS; len++) h->count[len] = 0;
    for (int sym = 0; sym < n; sym++) h->count[lengths[sym]]++;
    int left = 1;
    for (int len = 1; len <= MAX_BITS; len++) {
        left = left * 2 - h->count[len];
        if (left < 0) return false;
    }
    offs[1] = 0;
    for (int len = 1; len < MAX_BITS; len++) offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
    for (int sym = 0; sym < n; sym++)
        if (lengths[sym]) h->symbol[offs[lengths[sym]]++] = (uint16_t)sym;
    return true;
}

/* The next symbol coded with h, or -1. */
static int decode(Stream *s, const Huffman *h) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= MAX_BITS; len++) {
        int32_t b = bits(s, 1);
        if (b < 0) return -1;
        code |= b;
        int count = h->count[len];
        if (code - first < count) return h->symbol[index + (code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}

static const uint16_t len_base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/* Literals and matches until the end-of-block symbol. */
static bool codes(Stream *s, const Huffman *lit, const Huffman *dist) {
    for (;;) {
        int sym = decode(s, lit);
        if (sym < 0) return false;
        if (sym < 256) {
            if (s->out_pos >= s->out_len) return false;
            s->out[s->out_pos++] = (uint8_t)sym;
            continue;
        }
        if (sym == 256) return true;
        sym -= 257;
        if (sym >= 29) return false;
        int32_t e = bits(s, len_extra[sym]);
        if (e < 0) return false;
        size_t len = (size_t)len_base[sym] + (size_t)e;
        int dsym = decode(s, dist);
        if (dsym < 0 || dsym >= 30) return false;
        e = bits(s, dist_extra[dsym]);
        if (e < 0) return false;
        size_t d = (size_t)dist_base[dsym] + (size_t)e;
        if (d > s->out_pos || len > s->out_len - s->out_pos) return false;
        for (size_t i = 0; i < len; i++, s->out_pos++) s->out[s->out_pos] = s->out[s->out_pos - d];
    }
}

static bool stored(Stream *s) {
    s->bitbuf = 0;              /* to a byte boundary */
    s->bitcnt = 0;
    if (s->in_len - s->in_pos < 4) return false;
    const uint8_t *p = s->in + s->in_pos;
    unsigned len = p[0] | (unsigned)p[1] << 8, nlen = p[2] | (unsigned)p[3] << 8;
    s->in_pos += 4;
    if (len != (~nlen & 0xffffu) || len > s->in_len - s->in_pos || len > s->out_len - s->out_pos) return false;
    for (unsigned i = 0; i < len; i++) s->out[s->out_pos++] = s->in[s->in_pos++];
    return true;
}

static bool fixed(Stream *s) {
    uint8_t lengths[MAX_LIT];
    Huffman lit, dist;
    int sym = 0;
    for (; sym < 144; sym++) lengths[sym] = 8;
    for (; sym < 256; sym++) lengths[sym] = 9;
    for (; sym < 280; sym++) lengths[sym] = 7;
    for (; sym < MAX_LIT; sym++) lengths[sym] = 8;
    build(&lit, lengths, MAX_LIT);
    for (sym = 0; sym < MAX_DIST; sym++) lengths[sym] = 5;
    build(&dist, lengths, MAX_DIST);
    return codes(s, &lit, &dist);
}

static bool dynamic(Stream *s) {
    static const uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    uint8_t lengths[MAX_LIT + MAX_DIST];
    Huffman lencode, lit, dist;
    int32_t nlen = bits(s, 5), ndist = bits(s, 5), ncode = bits(s, 4);
    if (nlen < 0 || ndist < 0 || ncode < 0) return false;
    nlen += 257;
    ndist += 1;
    ncode += 4;
    if (nlen > 286 || ndist > MAX_DIST) return false;
    for (int i = 0; i < 19; i++) {
        int32_t b = i < ncode ? bits(s, 3) : 0;
        if (b < 0) return false;
        lengths[order[i]] = (uint8_t)b;
    }
    if (!build(&lencode, lengths, 19)) return false;
    int i = 0;
    while (i < nlen + ndist) {
        int sym = decode(s, &lencode);
        if (sym < 0) return false;
        if (sym < 16) {
            lengths[i++] = (uint8_t)sym;
            continue;
        }
        uint8_t value = 0;
        int32_t rep;
        if (sym == 16) {
            if (i == 0) return false;
            value = lengths[i - 1];
            rep = bits(s, 2);
            rep = rep < 0 ? -1 : rep + 3;
        } else if (sym == 17) {
            rep = bits(s, 3);
            rep = rep < 0 ? -1 : rep + 3;
        } else {
            rep = bits(s, 7);
            rep = rep < 0 ? -1 : rep + 11;
        }
        if (rep < 0 || i + rep > nlen + ndist) return false;
        while (rep--) lengths[i++] = value;
    }
    if (lengths[256] == 0) return false;        /* no end-of-block code */
    if (!build(&lit, lengths, nlen) || !build(&dist, lengths + nlen, ndist)) return false;
    return codes(s, &lit, &dist);
}

bool wasm_inflate(const uint8_t *in, size_t in_len, uint8_t *out, size_t out_len) {
    Stream s = {in, in_len, 0, 0, 0, out, out_len, 0};
    int32_t last;
    do {
        last = bits(&s, 1);
        int32_t type = bits(&s, 2);
        if (last < 0 || type < 0) return false;
        bool ok = type == 0 ? stored(&s) : type == 1 ? fixed(&s) : type == 2 ? dynamic(&s) : false;
        if (!ok) return false;
    } while (!last);
    return s.out_pos == out_len;
}
