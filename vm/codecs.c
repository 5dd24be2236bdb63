/* codecs.c - the text encodings behind str.encode(), bytes.decode() and
 * str(b, encoding).
 *
 * Codecs: utf-8, ascii, latin-1, cp1252, utf-16 and utf-32 (plain: a BOM,
 * little-endian; -le/-be: no BOM), unicode_escape and raw_unicode_escape,
 * under CPython's names and aliases (normalized as codecs.lookup does).
 * Error handlers: strict, ignore, replace, backslashreplace,
 * xmlcharrefreplace (encoding only), surrogateescape and surrogatepass.  As
 * in CPython the handler name is only examined when an error happens, and
 * an unknown name raises LookupError at that point.
 *
 * Invariants:
 *  - A str is UTF-8 in which lone surrogates are 3-byte sequences (see
 *    strbuf.h), so decoded surrogates (surrogateescape/-pass) are stored
 *    that way and encoders find them by decoding code points.
 *  - Error ranges are CPython's: byte offsets when decoding, code point
 *    indices when encoding; a handler sees the same [start, end) as in
 *    CPython, so 'replace' emits as many U+FFFD or '?' and exceptions carry
 *    the same start/end/reason.
 *  - No Python code runs here, so the input bytes (possibly the buffer of a
 *    bytearray) stay valid and unmoved for the whole call.
 */
#include "vm.h"
#include <string.h>
#include <stdlib.h>

typedef enum {
    C_UTF8, C_ASCII, C_LATIN1, C_CP1252, C_UTF16, C_UTF16LE, C_UTF16BE, C_UTF32, C_UTF32LE,
    C_UTF32BE, C_UESC, C_RAWUESC, C_NOTTEXT, C_UNKNOWN
} CodecId;

typedef enum { EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_XMLCHAR, EH_SURR_ESCAPE, EH_SURR_PASS, EH_UNKNOWN } ErrHandler;

static const struct { const char *name; CodecId id; } ALIASES[] = {
    {"utf_8", C_UTF8}, {"utf8", C_UTF8}, {"u8", C_UTF8}, {"utf", C_UTF8}, {"cp65001", C_UTF8},
    {"utf8_ucs2", C_UTF8}, {"utf8_ucs4", C_UTF8},
    {"ascii", C_ASCII}, {"us_ascii", C_ASCII}, {"646", C_ASCII}, {"ansi_x3.4_1968", C_ASCII},
    {"ansi_x3_4_1968", C_ASCII}, {"ansi_x3.4_1986", C_ASCII}, {"cp367", C_ASCII}, {"csascii", C_ASCII},
    {"ibm367", C_ASCII}, {"iso646_us", C_ASCII}, {"iso_646.irv_1991", C_ASCII}, {"iso_ir_6", C_ASCII},
    {"us", C_ASCII},
    {"latin_1", C_LATIN1}, {"latin1", C_LATIN1}, {"latin", C_LATIN1}, {"l1", C_LATIN1},
    {"iso_8859_1", C_LATIN1}, {"iso8859_1", C_LATIN1}, {"8859", C_LATIN1}, {"cp819", C_LATIN1},
    {"iso_8859_1_1987", C_LATIN1}, {"iso_ir_100", C_LATIN1}, {"csisolatin1", C_LATIN1}, {"ibm819", C_LATIN1},
    {"cp1252", C_CP1252}, {"windows_1252", C_CP1252}, {"1252", C_CP1252},
    {"utf_16", C_UTF16}, {"utf16", C_UTF16}, {"u16", C_UTF16},
    {"utf_16_le", C_UTF16LE}, {"utf_16le", C_UTF16LE}, {"unicodelittleunmarked", C_UTF16LE},
    {"utf_16_be", C_UTF16BE}, {"utf_16be", C_UTF16BE}, {"unicodebigunmarked", C_UTF16BE},
    {"utf_32", C_UTF32}, {"utf32", C_UTF32}, {"u32", C_UTF32},
    {"utf_32_le", C_UTF32LE}, {"utf_32le", C_UTF32LE},
    {"utf_32_be", C_UTF32BE}, {"utf_32be", C_UTF32BE},
    {"unicode_escape", C_UESC}, {"raw_unicode_escape", C_RAWUESC},
    {"hex", C_NOTTEXT}, {"hex_codec", C_NOTTEXT}, {"base64", C_NOTTEXT}, {"base_64", C_NOTTEXT},
    {"base64_codec", C_NOTTEXT}, {"rot13", C_NOTTEXT}, {"rot_13", C_NOTTEXT}, {"zlib", C_NOTTEXT},
    {"zip", C_NOTTEXT}, {"zlib_codec", C_NOTTEXT}, {"bz2", C_NOTTEXT}, {"bz2_codec", C_NOTTEXT},
    {"uu", C_NOTTEXT}, {"uu_codec", C_NOTTEXT}, {"quopri", C_NOTTEXT}, {"quopri_codec", C_NOTTEXT},
    {"quotedprintable", C_NOTTEXT}, {"quoted_printable", C_NOTTEXT},
};

/* The names CPython's codecs report in UnicodeErrors. */
static const char *const CODEC_NAMES[] = {
    "utf-8", "ascii", "latin-1", "charmap", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
    "utf-32-be", "unicodeescape", "rawunicodeescape", "", ""
};

/* codecs.lookup's normalization: lower case; runs of characters other than
 * ASCII letters, digits and '.' become one '_' (none at either end). */
static CodecId lookup_codec(const char *enc, size_t len) {
    char buf[64];
    size_t k = 0;
    bool punct = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)enc[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
        if (c >= 0x80) continue;                  /* non-ASCII letters are dropped */
        if (!keep) { punct = true; continue; }
        if (punct && k) { if (k >= sizeof buf - 1) return C_UNKNOWN; buf[k++] = '_'; }
        if (k >= sizeof buf - 1) return C_UNKNOWN;
        buf[k++] = (char)c;
        punct = false;
    }
    buf[k] = 0;
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        if (!strcmp(ALIASES[i].name, buf)) return ALIASES[i].id;
    for (size_t i = 0; i < k; i++) if (buf[i] == '.') buf[i] = '_';
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        if (!strcmp(ALIASES[i].name, buf)) return ALIASES[i].id;
    return C_UNKNOWN;
}

static ErrHandler lookup_handler(Value errors) {
    if (!errors) return EH_STRICT;
    const char *e = str_cstr(errors);
    if (!strcmp(e, "strict")) return EH_STRICT;
    if (!strcmp(e, "ignore")) return EH_IGNORE;
    if (!strcmp(e, "replace")) return EH_REPLACE;
    if (!strcmp(e, "backslashreplace")) return EH_BACKSLASH;
    if (!strcmp(e, "xmlcharrefreplace")) return EH_XMLCHAR;
    if (!strcmp(e, "surrogateescape")) return EH_SURR_ESCAPE;
    if (!strcmp(e, "surrogatepass")) return EH_SURR_PASS;
    return EH_UNKNOWN;
}

/* The codec for `encoding` (a Str or VNULL for utf-8), or C_UNKNOWN with
 * LookupError raised. */
static CodecId find_codec(VM *vm, Value encoding, bool encode) {
    if (!encoding) return C_UTF8;
    CodecId id = lookup_codec(str_cstr(encoding), (size_t)str_len(encoding));
    if (id == C_UNKNOWN) {
        vm_raise(vm, &exc_LookupError, "unknown encoding: %U", encoding);
    } else if (id == C_NOTTEXT) {
        vm_raise(vm, &exc_LookupError, "'%U' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                 encoding, encode ? "encode" : "decode");
        id = C_UNKNOWN;
    }
    return id;
}

/* cp1252 bytes 0x80..0x9F (0: undefined); the rest is latin-1. */
static const uint16_t CP1252_HIGH[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

static int cp1252_byte(uint32_t cp) {
    if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) return (int)cp;
    for (int i = 0; i < 32; i++)
        if (CP1252_HIGH[i] && CP1252_HIGH[i] == cp) return 0x80 + i;
    return -1;
}

/* Whether CPython reaches this codec through its C fast path (utf-8/16/32,
 * ascii, latin-1 under their usual spellings) rather than the codec
 * registry, which wraps a handler's TypeError/LookupError as "decoding with
 * 'x' codec failed (TypeError: ...)". */
static bool fast_path_name(Value encoding) {
    static const char *const names[] = {"utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii",
                                        "latin1", "latin_1", "iso_8859_1", "iso8859_1"};
    if (!encoding) return true;
    const char *s = str_cstr(encoding);
    char buf[16];
    size_t k = 0;
    for (; s[k] && k < sizeof buf - 1; k++) {
        char c = s[k];
        buf[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c == '-' ? '_' : c;
    }
    if (s[k]) return false;
    buf[k] = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(buf, names[i])) return true;
    return false;
}

/* Raise type(msg) from an error handler, wrapped as the codec registry does. */
static void handler_error(VM *vm, Value encoding, bool encode, Type *type, const char *msg, Value errors) {
    Value m = errors ? vm_format(vm, msg, errors) : str_from_cstr(vm, msg);
    if (!m) return;
    if (fast_path_name(encoding)) {
        Value e = exc_new_msg(vm, type, m);
        if (e) vm_raise_value(vm, e);
        return;
    }
    vm_raise(vm, type, "%s with '%U' codec failed (%s: %U)", encode ? "encoding" : "decoding", encoding, type->name, m);
}

static inline bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp < 0xE000; }
static const char HEX[] = "0123456789abcdef";

/* ======================= decoding ======================= */
typedef struct Dec {
    VM *vm;
    Value encoding;             /* as given (Str or VNULL) */
    CodecId id;
    const char *name;           /* for UnicodeDecodeError */
    const unsigned char *p;
    size_t n;
    Value errors;
    ErrHandler eh;
    bool eh_known;
    StrBuf out;
} Dec;

/* If the bytes at p[at] encode a surrogate in this codec, its code point
 * and length (the surrogatepass handler). */
static bool surrogate_at(const Dec *d, size_t at, uint32_t *cp, size_t *len) {
    const unsigned char *s = d->p + at;
    size_t avail = d->n - at;
    switch (d->id) {
    case C_UTF8:
        if (avail < 3 || (s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return false;
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        *len = 3;
        break;
    case C_UTF16LE: case C_UTF16BE:
        if (avail < 2) return false;
        *cp = d->id == C_UTF16LE ? (uint32_t)(s[0] | (s[1] << 8)) : (uint32_t)((s[0] << 8) | s[1]);
        *len = 2;
        break;
    case C_UTF32LE: case C_UTF32BE:
        if (avail < 4) return false;
        *cp = d->id == C_UTF32LE ? ((uint32_t)s[0] | ((uint32_t)s[1] << 8) | ((uint32_t)s[2] << 16) | ((uint32_t)s[3] << 24))
                                 : (((uint32_t)s[0] << 24) | ((uint32_t)s[1] << 16) | ((uint32_t)s[2] << 8) | (uint32_t)s[3]);
        *len = 4;
        break;
    default:
        return false;
    }
    return is_surrogate(*cp);
}

static void raise_decode_error(Dec *d, size_t start, size_t end, const char *reason) {
    VM *vm = d->vm;
    ROOTS_MARK(vm);
    Value a[5];
    a[0] = str_from_cstr(vm, d->name);
    if (!a[0]) return;
    ROOT_PUSH(vm, a[0]);
    a[1] = bytes_new(vm, d->p, d->n);
    if (!a[1]) { ROOTS_RESET(vm); return; }
    ROOT_PUSH(vm, a[1]);
    a[2] = int_from_i64(vm, (int64_t)start);
    a[3] = int_from_i64(vm, (int64_t)end);
    a[4] = str_from_cstr(vm, reason);
    if (!a[2] || !a[3] || !a[4]) { ROOTS_RESET(vm); return; }
    ROOT_PUSH(vm, a[4]);
    Value ex = exc_new(vm, &exc_UnicodeDecodeError, a, 5);
    ROOTS_RESET(vm);
    if (ex) vm_raise_value(vm, ex);
}

/* A decoding error over the bytes [start, end): apply the error handler.
 * Returns the offset to continue at, or SIZE_MAX with an exception set. */
static size_t dec_error(Dec *d, size_t start, size_t end, const char *reason) {
    if (!d->eh_known) {
        d->eh = lookup_handler(d->errors);
        d->eh_known = true;
    }
    switch (d->eh) {
    case EH_IGNORE:
        return end;
    case EH_REPLACE:
        sb_put_utf8(&d->out, 0xFFFD);
        return end;
    case EH_BACKSLASH:
        for (size_t i = start; i < end; i++) {
            char e[4] = {'\\', 'x', HEX[d->p[i] >> 4], HEX[d->p[i] & 15]};
            sb_append(&d->out, e, 4);
        }
        return end;
    case EH_SURR_ESCAPE: {
        size_t k = 0;
        while (k < 4 && start + k < end && d->p[start + k] >= 128) {
            sb_put_utf8(&d->out, 0xDC00u + d->p[start + k]);
            k++;
        }
        if (k) return start + k;
        break;
    }
    case EH_SURR_PASS: {
        uint32_t cp;
        size_t len;
        if (surrogate_at(d, start, &cp, &len)) {
            sb_put_utf8(&d->out, cp);
            return start + len;
        }
        break;
    }
    case EH_XMLCHAR:
        handler_error(d->vm, d->encoding, false, &exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback", VNULL);
        return SIZE_MAX;
    case EH_UNKNOWN:
        handler_error(d->vm, d->encoding, false, &exc_LookupError, "unknown error handler name '%U'", d->errors);
        return SIZE_MAX;
    default:
        break;
    }
    raise_decode_error(d, start, end, reason);
    return SIZE_MAX;
}

#define IS_CONT(c) (((c) & 0xC0) == 0x80)
enum { U8_OK = 0, U8_BAD_START = 1, U8_END = 5 };

/* Check the UTF-8 sequence starting with the non-ASCII byte s[0] (avail
 * bytes left).  U8_OK with its length, U8_BAD_START, U8_END (truncated), or
 * k in 2..4: invalid continuation, the error covers k - 1 bytes.  The same
 * decisions as CPython's stringlib utf8_decode. */
static int utf8_seq(const unsigned char *s, size_t avail, size_t *len) {
    unsigned ch = s[0];
    if (ch < 0xC2) return U8_BAD_START;
    if (ch < 0xE0) {
        if (avail < 2) return U8_END;
        if (!IS_CONT(s[1])) return 2;
        *len = 2;
        return U8_OK;
    }
    if (ch < 0xF0) {
        if (avail < 3) {
            if (avail < 2) return U8_END;
            if (!IS_CONT(s[1]) || (s[1] < 0xA0 ? ch == 0xE0 : ch == 0xED)) return 2;
            return U8_END;
        }
        if (!IS_CONT(s[1]) || (ch == 0xE0 && s[1] < 0xA0) || (ch == 0xED && s[1] >= 0xA0)) return 2;
        if (!IS_CONT(s[2])) return 3;
        *len = 3;
        return U8_OK;
    }
    if (ch < 0xF5) {
        if (avail < 4) {
            if (avail < 2) return U8_END;
            if (!IS_CONT(s[1]) || (s[1] < 0x90 ? ch == 0xF0 : ch == 0xF4)) return 2;
            if (avail < 3) return U8_END;
            if (!IS_CONT(s[2])) return 3;
            return U8_END;
        }
        if (!IS_CONT(s[1]) || (ch == 0xF0 && s[1] < 0x90) || (ch == 0xF4 && s[1] >= 0x90)) return 2;
        if (!IS_CONT(s[2])) return 3;
        if (!IS_CONT(s[3])) return 4;
        *len = 4;
        return U8_OK;
    }
    return U8_BAD_START;
}

/* Length of the longest valid (strict) UTF-8 prefix of p[0..n), counting
 * its code points into *nchars. */
static size_t utf8_valid_prefix(const unsigned char *p, size_t n, int64_t *nchars) {
    size_t i = 0;
    int64_t count = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!(w & 0x8080808080808080ULL)) { i += 8; count += 8; continue; }
        }
        if (p[i] < 0x80) { i++; count++; continue; }
        size_t len;
        if (utf8_seq(p + i, n - i, &len) != U8_OK) break;
        i += len;
        count++;
    }
    *nchars = count;
    return i;
}

static bool dec_utf8(Dec *d, size_t i) {
    const unsigned char *p = d->p;
    size_t n = d->n;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] < 0x80) j++;
        sb_append(&d->out, p + i, j - i);
        i = j;
        if (i >= n) break;
        size_t len;
        int st = utf8_seq(p + i, n - i, &len);
        if (st == U8_OK) {
            sb_append(&d->out, p + i, len);
            i += len;
            continue;
        }
        size_t end = st == U8_BAD_START ? i + 1 : st == U8_END ? n : i + (size_t)st - 1;
        const char *why = st == U8_BAD_START ? "invalid start byte" : st == U8_END ? "unexpected end of data"
                                                                            : "invalid continuation byte";
        i = dec_error(d, i, end, why);
        if (i == SIZE_MAX) return false;
    }
    return true;
}

static bool dec_bytewise(Dec *d) {
    for (size_t i = 0; i < d->n;) {
        unsigned c = d->p[i];
        uint32_t cp = c;
        if (d->id == C_ASCII && c >= 0x80) {
            i = dec_error(d, i, i + 1, "ordinal not in range(128)");
            if (i == SIZE_MAX) return false;
            continue;
        }
        if (d->id == C_CP1252 && c >= 0x80 && c < 0xA0) {
            cp = CP1252_HIGH[c - 0x80];
            if (!cp) {
                i = dec_error(d, i, i + 1, "character maps to <undefined>");
                if (i == SIZE_MAX) return false;
                continue;
            }
        }
        sb_put_utf8(&d->out, cp);
        i++;
    }
    return true;
}

static bool dec_utf16(Dec *d, size_t i, bool big) {
    const unsigned char *p = d->p;
    size_t n = d->n;
    while (i < n) {
        if (n - i < 2) {
            i = dec_error(d, i, n, "truncated data");
            if (i == SIZE_MAX) return false;
            continue;
        }
        uint32_t u = big ? (uint32_t)((p[i] << 8) | p[i + 1]) : (uint32_t)(p[i] | (p[i + 1] << 8));
        if (!is_surrogate(u)) {
            sb_put_utf8(&d->out, u);
            i += 2;
            continue;
        }
        const char *why;
        size_t end;
        if (u >= 0xDC00) {
            why = "illegal encoding";
            end = i + 2;
        } else if (n - i < 4) {
            why = "unexpected end of data";
            end = n;
        } else {
            uint32_t u2 = big ? (uint32_t)((p[i + 2] << 8) | p[i + 3]) : (uint32_t)(p[i + 2] | (p[i + 3] << 8));
            if (u2 >= 0xDC00 && u2 < 0xE000) {
                sb_put_utf8(&d->out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                i += 4;
                continue;
            }
            why = "illegal UTF-16 surrogate";
            end = i + 2;
        }
        i = dec_error(d, i, end, why);
        if (i == SIZE_MAX) return false;
    }
    return true;
}

static bool dec_utf32(Dec *d, size_t i, bool big) {
    const unsigned char *p = d->p;
    size_t n = d->n;
    while (i < n) {
        if (n - i < 4) {
            i = dec_error(d, i, n, "truncated data");
            if (i == SIZE_MAX) return false;
            continue;
        }
        const unsigned char *s = p + i;
        uint32_t u = big ? (((uint32_t)s[0] << 24) | ((uint32_t)s[1] << 16) | ((uint32_t)s[2] << 8) | s[3])
                         : ((uint32_t)s[0] | ((uint32_t)s[1] << 8) | ((uint32_t)s[2] << 16) | ((uint32_t)s[3] << 24));
        if (u > 0x10FFFF || is_surrogate(u)) {
            i = dec_error(d, i, i + 4, u > 0x10FFFF ? "code point not in range(0x110000)"
                                                    : "code point in surrogate code point range(0xd800, 0xe000)");
            if (i == SIZE_MAX) return false;
            continue;
        }
        sb_put_utf8(&d->out, u);
        i += 4;
    }
    return true;
}

static int hexval(unsigned c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

/* \xXX, \uXXXX, \UXXXXXXXX after the letter at s[*i]: count hex digits.
 * Returns false (error range [start, *i) and *why set) when truncated. */
static bool hex_escape(const unsigned char *p, size_t n, size_t *i, int count, uint32_t *out, const char **why) {
    uint32_t ch = 0;
    for (; count; count--, (*i)++) {
        int v = *i < n ? hexval(p[*i]) : -1;
        if (v < 0) return false;
        ch = (ch << 4) | (uint32_t)v;
    }
    if (ch > 0x10FFFF) {
        *why = "illegal Unicode character";
        return false;
    }
    *out = ch;
    return true;
}

static bool dec_unicode_escape(Dec *d, bool raw) {
    const unsigned char *p = d->p;
    size_t n = d->n, i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c != '\\' || (raw && i + 1 >= n)) {
            sb_put_utf8(&d->out, c);
            i++;
            continue;
        }
        size_t start = i++;
        if (i >= n) {
            i = dec_error(d, start, n, "\\ at end of string");
            if (i == SIZE_MAX) return false;
            continue;
        }
        c = p[i++];
        int count = 0;
        const char *why = NULL;
        if (raw) {
            if (c != 'u' && c != 'U') {
                sb_putc(&d->out, '\\');
                sb_put_utf8(&d->out, c);
                continue;
            }
        } else {
            const char *simple = NULL;
            switch (c) {
            case '\n': continue;
            case '\\': simple = "\\"; break;
            case '\'': simple = "'"; break;
            case '"': simple = "\""; break;
            case 'b': simple = "\b"; break;
            case 'f': simple = "\f"; break;
            case 't': simple = "\t"; break;
            case 'n': simple = "\n"; break;
            case 'r': simple = "\r"; break;
            case 'v': simple = "\v"; break;
            case 'a': simple = "\a"; break;
            default: break;
            }
            if (simple) { sb_putc(&d->out, simple[0]); continue; }
            if (c >= '0' && c <= '7') {
                uint32_t ch = c - '0';
                for (int k = 0; k < 2 && i < n && p[i] >= '0' && p[i] <= '7'; k++) ch = (ch << 3) + (p[i++] - '0');
                sb_put_utf8(&d->out, ch);
                continue;
            }
            if (c == 'N') {
                /* no character name database: a well-formed \N{...} is an unknown name */
                why = "malformed \\N character escape";
                if (i < n && p[i] == '{') {
                    size_t j = i + 1;
                    while (j < n && p[j] != '}') j++;
                    if (j < n && j > i + 1) { why = "unknown Unicode character name"; j++; }
                    i = j < n ? j : n;
                }
                i = dec_error(d, start, i, why);
                if (i == SIZE_MAX) return false;
                continue;
            }
            if (c != 'x' && c != 'u' && c != 'U') {
                sb_putc(&d->out, '\\');
                sb_put_utf8(&d->out, c);
                continue;
            }
        }
        count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        why = c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        uint32_t ch;
        if (hex_escape(p, n, &i, count, &ch, &why)) {
            sb_put_utf8(&d->out, ch);
            continue;
        }
        if (raw && !strcmp(why, "illegal Unicode character")) why = "\\Uxxxxxxxx out of range";
        i = dec_error(d, start, i, why);
        if (i == SIZE_MAX) return false;
    }
    return true;
}

Value codec_decode(VM *vm, const unsigned char *p, size_t n, Value encoding, Value errors) {
    CodecId id = find_codec(vm, encoding, false);
    if (id == C_UNKNOWN) return VNULL;
    if (id == C_UTF8 || id == C_ASCII || id == C_LATIN1 || id == C_CP1252) {
        /* valid UTF-8 (or ASCII for the byte codecs) is the result as it is */
        int64_t nchars;
        size_t ok = utf8_valid_prefix(p, n, &nchars);
        if (ok == n && (id == C_UTF8 || nchars == (int64_t)n))
            return str_new_ascii_or_utf8(vm, (const char *)p, n, nchars);
    }
    Dec d = {vm, encoding, id, CODEC_NAMES[id], p, n, errors, EH_STRICT, false, STRBUF_INIT};
    bool ok;
    switch (id) {
    case C_UTF8: ok = dec_utf8(&d, 0); break;
    case C_ASCII: case C_LATIN1: case C_CP1252: ok = dec_bytewise(&d); break;
    case C_UTF16: case C_UTF32: {
        bool wide = id == C_UTF32, big = false;
        size_t skip = 0;
        if (!wide && n >= 2 && p[0] == 0xFF && p[1] == 0xFE) skip = 2;
        else if (!wide && n >= 2 && p[0] == 0xFE && p[1] == 0xFF) { skip = 2; big = true; }
        else if (wide && n >= 4 && p[0] == 0xFF && p[1] == 0xFE && !p[2] && !p[3]) skip = 4;
        else if (wide && n >= 4 && !p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF) { skip = 4; big = true; }
        d.id = wide ? (big ? C_UTF32BE : C_UTF32LE) : (big ? C_UTF16BE : C_UTF16LE);
        d.name = CODEC_NAMES[d.id];
        ok = wide ? dec_utf32(&d, skip, big) : dec_utf16(&d, skip, big);
        break;
    }
    case C_UTF16LE: case C_UTF16BE: ok = dec_utf16(&d, 0, id == C_UTF16BE); break;
    case C_UTF32LE: case C_UTF32BE: ok = dec_utf32(&d, 0, id == C_UTF32BE); break;
    default: ok = dec_unicode_escape(&d, id == C_RAWUESC); break;
    }
    if (!ok) {
        sb_free(&d.out);
        return VNULL;
    }
    return str_from_sb(vm, &d.out);
}

/* ======================= encoding ======================= */
typedef struct Enc {
    VM *vm;
    Value encoding;             /* as given (Str or VNULL) */
    CodecId id;                 /* what put_cp writes (utf-16 means utf-16-le after the BOM) */
    const char *name;           /* for UnicodeEncodeError */
    Value s;
    Value errors;
    ErrHandler eh;
    bool eh_known;
    StrBuf out;
} Enc;

static void put_unit(Enc *e, uint32_t u, int width, bool big) {
    unsigned char b[4];
    for (int k = 0; k < width; k++) b[big ? width - 1 - k : k] = (unsigned char)(u >> (8 * k));
    sb_append(&e->out, b, (size_t)width);
}

/* Append code point cp (encodable, or a surrogate for surrogatepass). */
static void put_cp(Enc *e, uint32_t cp) {
    switch (e->id) {
    case C_UTF8: sb_put_utf8(&e->out, cp); break;
    case C_ASCII: case C_LATIN1: sb_putc(&e->out, (char)cp); break;
    case C_CP1252: sb_putc(&e->out, (char)cp1252_byte(cp)); break;
    case C_UTF16LE: case C_UTF16BE: {
        bool big = e->id == C_UTF16BE;
        if (cp >= 0x10000) {
            put_unit(e, 0xD800 + ((cp - 0x10000) >> 10), 2, big);
            put_unit(e, 0xDC00 + ((cp - 0x10000) & 0x3FF), 2, big);
        } else {
            put_unit(e, cp, 2, big);
        }
        break;
    }
    default: put_unit(e, cp, 4, e->id == C_UTF32BE); break;
    }
}

static void put_ascii(Enc *e, const char *s) {
    for (; *s; s++) put_cp(e, (unsigned char)*s);
}

static bool encodable(CodecId id, uint32_t cp) {
    switch (id) {
    case C_ASCII: return cp < 0x80;
    case C_LATIN1: return cp < 0x100;
    case C_CP1252: return cp1252_byte(cp) >= 0;
    default: return !is_surrogate(cp);
    }
}

static void raise_encode_error(Enc *e, int64_t start, int64_t end, const char *reason) {
    VM *vm = e->vm;
    ROOTS_MARK(vm);
    Value a[5];
    a[0] = str_from_cstr(vm, e->name);
    if (!a[0]) return;
    ROOT_PUSH(vm, a[0]);
    a[1] = e->s;
    a[2] = int_from_i64(vm, start);
    a[3] = int_from_i64(vm, end);
    a[4] = str_from_cstr(vm, reason);
    if (!a[2] || !a[3] || !a[4]) { ROOTS_RESET(vm); return; }
    ROOT_PUSH(vm, a[4]);
    Value ex = exc_new(vm, &exc_UnicodeEncodeError, a, 5);
    ROOTS_RESET(vm);
    if (ex) vm_raise_value(vm, ex);
}

static void backslash_escape(char *buf, uint32_t c) {
    int k = 0;
    buf[k++] = '\\';
    if (c <= 0xFF) { buf[k++] = 'x'; buf[k++] = HEX[c >> 4]; buf[k++] = HEX[c & 15]; }
    else if (c <= 0xFFFF) {
        buf[k++] = 'u';
        for (int sh = 12; sh >= 0; sh -= 4) buf[k++] = HEX[(c >> sh) & 15];
    } else {
        buf[k++] = 'U';
        for (int sh = 28; sh >= 0; sh -= 4) buf[k++] = HEX[(c >> sh) & 15];
    }
    buf[k] = 0;
}

/* The unencodable code points cps[0..m), at indices [start, start + m):
 * apply the error handler.  Returns false with an exception set. */
static bool enc_error(Enc *e, const uint32_t *cps, int64_t m, int64_t start) {
    const char *reason = e->id == C_ASCII ? "ordinal not in range(128)" : e->id == C_LATIN1 ? "ordinal not in range(256)"
                       : e->id == C_CP1252 ? "character maps to <undefined>" : "surrogates not allowed";
    if (!e->eh_known) {
        e->eh = lookup_handler(e->errors);
        e->eh_known = true;
    }
    bool bytewise = e->id == C_ASCII || e->id == C_LATIN1 || e->id == C_CP1252 || e->id == C_UTF8;
    char buf[16];
    switch (e->eh) {
    case EH_IGNORE:
        return true;
    case EH_REPLACE:
        for (int64_t k = 0; k < m; k++) put_cp(e, '?');
        return true;
    case EH_BACKSLASH:
        for (int64_t k = 0; k < m; k++) { backslash_escape(buf, cps[k]); put_ascii(e, buf); }
        return true;
    case EH_XMLCHAR:
        for (int64_t k = 0; k < m; k++) {
            char t[16];
            int len = 0;
            uint32_t c = cps[k];
            do { t[len++] = (char)('0' + c % 10); c /= 10; } while (c);
            int j = 0;
            buf[j++] = '&';
            buf[j++] = '#';
            while (len) buf[j++] = t[--len];
            buf[j++] = ';';
            buf[j] = 0;
            put_ascii(e, buf);
        }
        return true;
    case EH_SURR_ESCAPE: {
        if (!bytewise) break;
        /* escaped surrogates become their bytes; the error covers the rest of the run */
        int64_t k = 0;
        while (k < m && cps[k] >= 0xDC80 && cps[k] <= 0xDCFF) sb_putc(&e->out, (char)(cps[k++] & 0xFF));
        if (k == m) return true;
        raise_encode_error(e, start + k, start + m, reason);
        return false;
    }
    case EH_SURR_PASS:
        if (e->id == C_ASCII || e->id == C_LATIN1 || e->id == C_CP1252) break;
        for (int64_t k = 0; k < m; k++) {
            if (!is_surrogate(cps[k])) goto fail;
        }
        for (int64_t k = 0; k < m; k++) {
            if (e->id == C_UTF16LE || e->id == C_UTF16BE) put_unit(e, cps[k], 2, e->id == C_UTF16BE);
            else put_cp(e, cps[k]);
        }
        return true;
    case EH_UNKNOWN:
        handler_error(e->vm, e->encoding, true, &exc_LookupError, "unknown error handler name '%U'", e->errors);
        return false;
    default:
        break;
    }
fail:
    raise_encode_error(e, start, start + m, reason);
    return false;
}

static void enc_unicode_escape(Enc *e, bool raw) {
    const unsigned char *p = (const unsigned char *)str_cstr(e->s);
    int64_t n = str_len(e->s);
    char buf[16];
    for (int64_t i = 0; i < n;) {
        int l;
        uint32_t c = utf8_decode_at((const char *)p + i, &l);
        i += l;
        if (raw) {
            if (c < 0x100) sb_putc(&e->out, (char)c);
            else { backslash_escape(buf, c); sb_puts(&e->out, buf); }
            continue;
        }
        if (c == '\\') sb_puts(&e->out, "\\\\");
        else if (c == '\t') sb_puts(&e->out, "\\t");
        else if (c == '\n') sb_puts(&e->out, "\\n");
        else if (c == '\r') sb_puts(&e->out, "\\r");
        else if (c >= 0x20 && c < 0x7F) sb_putc(&e->out, (char)c);
        else { backslash_escape(buf, c); sb_puts(&e->out, buf); }
    }
}

/* Whether a UTF-8 str holds an encoded surrogate (ED A0..BF ..). */
static bool has_surrogates(const unsigned char *p, int64_t n) {
    for (const unsigned char *q = p, *end = p + n; (q = memchr(q, 0xED, (size_t)(end - q))) != NULL; q++)
        if (q + 1 < end && q[1] >= 0xA0) return true;
    return false;
}

Value codec_encode(VM *vm, Value s, Value encoding, Value errors) {
    CodecId id = find_codec(vm, encoding, true);
    if (id == C_UNKNOWN) return VNULL;
    const unsigned char *p = (const unsigned char *)str_cstr(s);
    int64_t n = str_len(s);
    bool ascii = n == AS(Str, s)->nchars;
    if ((id == C_UTF8 && (ascii || !has_surrogates(p, n))) ||
        (ascii && (id == C_ASCII || id == C_LATIN1 || id == C_CP1252 || id == C_RAWUESC)))
        return bytes_new(vm, p, (size_t)n);
    Enc e = {vm, encoding, id, CODEC_NAMES[id], s, errors, EH_STRICT, false, STRBUF_INIT};
    if (id == C_UESC || id == C_RAWUESC) {
        enc_unicode_escape(&e, id == C_RAWUESC);
    } else {
        /* the BOM forms write little-endian; their errors keep the name "utf-16"/"utf-32" */
        if (id == C_UTF16) { sb_append(&e.out, "\xFF\xFE", 2); e.id = C_UTF16LE; }
        if (id == C_UTF32) { sb_append(&e.out, "\xFF\xFE\0\0", 4); e.id = C_UTF32LE; }
        /* byte codecs hand maximal runs of unencodable characters to the
         * handler, utf-16/32 one character at a time (as CPython) */
        bool runs = id == C_ASCII || id == C_LATIN1 || id == C_CP1252 || id == C_UTF8;
        uint32_t small[32];
        uint32_t *bad = small;
        int64_t badcap = 32, ci = 0;
        bool ok = true;
        for (int64_t i = 0; i < n && ok;) {
            int l;
            uint32_t c = utf8_decode_at((const char *)p + i, &l);
            if (encodable(e.id, c)) {
                put_cp(&e, c);
                i += l;
                ci++;
                continue;
            }
            int64_t m = 0, start = ci;
            for (;;) {
                if (m == badcap) {
                    uint32_t *nb = malloc((size_t)badcap * 2 * sizeof(uint32_t));
                    if (!nb) { ok = false; vm_raise_nomem(vm); break; }
                    memcpy(nb, bad, (size_t)m * sizeof(uint32_t));
                    if (bad != small) free(bad);
                    bad = nb;
                    badcap *= 2;
                }
                bad[m++] = c;
                i += l;
                ci++;
                if (!runs || i >= n) break;
                c = utf8_decode_at((const char *)p + i, &l);
                if (encodable(e.id, c)) break;
            }
            if (ok) ok = enc_error(&e, bad, m, start);
        }
        if (bad != small) free(bad);
        if (!ok) {
            sb_free(&e.out);
            return VNULL;
        }
    }
    if (e.out.oom) {
        sb_free(&e.out);
        return vm_raise_nomem(vm);
    }
    Value r = bytes_new(vm, e.out.data ? e.out.data : "", e.out.len);
    sb_free(&e.out);
    return r;
}
