/* strbuf.h - a growable byte buffer for building text in C.
 *
 * Used by formatting code (numbers, repr, str.format, json) before the result
 * becomes a Python object.  Memory comes from malloc, never from the GC heap,
 * so a StrBuf may be held across anything.  Invariants: `data` is either NULL
 * (len == cap == 0) or points to `cap` bytes of which `len` are used;
 * sb_cstr() keeps one extra NUL byte after `len` so the data can be passed to C
 * string functions.  On allocation failure `oom` is set, further appends are
 * ignored, and the caller reports MemoryError when it checks `oom`.
 */
#ifndef TXPY_STRBUF_H
#define TXPY_STRBUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>

typedef struct StrBuf {
    char *data;
    size_t len;
    size_t cap;
    bool oom;
} StrBuf;

#define STRBUF_INIT {NULL, 0, 0, false}

static inline bool sb_reserve(StrBuf *sb, size_t extra) {
    if (sb->oom) return false;
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap) return true;
    if (need < sb->len) { sb->oom = true; return false; }   /* overflow */
    size_t ncap = sb->cap ? sb->cap : 32;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) { ncap = need; break; }
        ncap *= 2;
    }
    char *nd = (char *)realloc(sb->data, ncap);
    if (!nd) { sb->oom = true; return false; }
    sb->data = nd;
    sb->cap = ncap;
    return true;
}

static inline void sb_append(StrBuf *sb, const void *p, size_t n) {
    if (!n || !sb_reserve(sb, n)) return;
    memcpy(sb->data + sb->len, p, n);
    sb->len += n;
}

static inline void sb_putc(StrBuf *sb, char c) {
    if (!sb_reserve(sb, 1)) return;
    sb->data[sb->len++] = c;
}

static inline void sb_puts(StrBuf *sb, const char *s) { sb_append(sb, s, strlen(s)); }

static inline void sb_fill(StrBuf *sb, char c, size_t n) {
    if (!n || !sb_reserve(sb, n)) return;
    memset(sb->data + sb->len, c, n);
    sb->len += n;
}

/* Append the UTF-8 encoding of code point `cp` (0 <= cp <= 0x10FFFF; lone
 * surrogates are encoded as three bytes, as CPython's "surrogatepass"). */
static inline void sb_put_utf8(StrBuf *sb, uint32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) { b[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { b[0] = (char)(0xC0 | (cp >> 6)); b[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12)); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18)); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    sb_append(sb, b, n);
}

/* NUL-terminated view of the contents (valid until the next append). */
static inline const char *sb_cstr(StrBuf *sb) {
    if (!sb_reserve(sb, 0)) return "";
    sb->data[sb->len] = 0;
    return sb->data;
}

static inline void sb_clear(StrBuf *sb) { sb->len = 0; }

static inline void sb_free(StrBuf *sb) {
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
}

#endif
