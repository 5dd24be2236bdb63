/* bytes.c - bytes (immutable) and bytearray (mutable).
 *
 * Most methods are written once over a (pointer, length) view and return
 * an object of the receiver's kind.  A bytearray keeps its length and a
 * pointer to a RawBuf as STM words; the buffer's bytes are written in place
 * only when the buffer is private to the running transaction (or no
 * transaction runs); otherwise a mutation first copies the buffer
 * (copy-on-write), so concurrent readers keep a consistent snapshot.
 */
#include "vm.h"
#include "unicode_db.h"
#include <string.h>
#include <stdlib.h>

static void bytearray_trace(GcTracer *g, Obj *o) { gc_mark_value(g, (Value)((ByteArray *)o)->buf); }

Value bytes_new(VM *vm, const void *data, size_t len) {
    if (len > (SIZE_MAX >> 2)) return vm_raise_nomem(vm);
    Bytes *b = gc_alloc(vm, &type_bytes, sizeof(Bytes) + len + 1);
    if (!b) return VNULL;
    b->hash = -1;
    b->len = (int64_t)len;
    if (len) memcpy(b->data, data, len);
    b->data[len] = 0;
    return v_from_ptr(b);
}

static RawBuf *rawbuf_new(VM *vm, int64_t cap) {
    RawBuf *r = gc_alloc(vm, &type_rawbuf, sizeof(RawBuf) + (size_t)cap + 1);
    if (r) r->cap = cap;
    return r;
}

Value bytearray_new(VM *vm, const void *data, size_t len) {
    RawBuf *r = rawbuf_new(vm, (int64_t)len < 16 ? 16 : (int64_t)len);
    if (!r) return VNULL;
    if (len) memcpy(r->data, data, len);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(r));
    ByteArray *b = gc_alloc(vm, &type_bytearray, sizeof(ByteArray));
    ROOTS_RESET(vm);
    if (!b) return VNULL;
    b->len = len;
    b->buf = v_from_ptr(r);
    return v_from_ptr(b);
}

static inline bool is_bytearray(Value v) { return v_is_obj(v) && v_isinstance_of(v, &type_bytearray); }
static inline bool is_bytes(Value v) { return v_is_obj(v) && v_isinstance_of(v, &type_bytes); }

static inline RawBuf *ba_buf(VM *vm, ByteArray *b) { return (RawBuf *)v_ptr(RD(vm, b, b->buf)); }
static inline int64_t ba_len(VM *vm, ByteArray *b) { return RDW(vm, b, b->len); }

/* A view of bytes-like data (bytes, bytearray). */
bool bytes_like(VM *vm, Value v, const unsigned char **p, size_t *n) {
    if (!v_is_obj(v)) return false;
    if (is_bytes(v)) {
        *p = AS(Bytes, v)->data;
        *n = (size_t)AS(Bytes, v)->len;
        return true;
    }
    if (is_bytearray(v)) {
        ByteArray *b = AS(ByteArray, v);
        *p = ba_buf(vm, b)->data;
        *n = (size_t)ba_len(vm, b);
        return true;
    }
    return false;
}

/* The buffer of b, writable by this transaction, with room for `need` bytes. */
static RawBuf *ba_writable(VM *vm, ByteArray *b, int64_t need) {
    RawBuf *r = ba_buf(vm, b);
    bool mine = vm->tx.direct || r->hdr.stm.owner == vm->tx.id;
    if (mine && need <= r->cap) return r;
    int64_t len = ba_len(vm, b);
    int64_t cap = need > r->cap ? need + need / 2 + 8 : r->cap;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(b));
    RawBuf *nr = rawbuf_new(vm, cap);
    ROOTS_RESET(vm);
    if (!nr) return NULL;
    r = ba_buf(vm, b);
    memcpy(nr->data, r->data, (size_t)len);
    WR(vm, b, b->buf, v_from_ptr(nr));
    return nr;
}

static Value make_like(VM *vm, Value self, const void *p, size_t n) {
    return is_bytearray(self) ? bytearray_new(vm, p, n) : bytes_new(vm, p, n);
}

Value bytes_repr(VM *vm, const unsigned char *p, size_t n, bool bytearray) {
    bool sq = memchr(p, '\'', n) != NULL, dq = memchr(p, '"', n) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
    StrBuf sb = STRBUF_INIT;
    if (bytearray) sb_puts(&sb, "bytearray(");
    sb_putc(&sb, 'b');
    sb_putc(&sb, q);
    static const char hx[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == (unsigned char)q || c == '\\') { sb_putc(&sb, '\\'); sb_putc(&sb, (char)c); }
        else if (c == '\t') sb_puts(&sb, "\\t");
        else if (c == '\n') sb_puts(&sb, "\\n");
        else if (c == '\r') sb_puts(&sb, "\\r");
        else if (c < 0x20 || c >= 0x7F) {
            char e[4] = {'\\', 'x', hx[c >> 4], hx[c & 15]};
            sb_append(&sb, e, 4);
        } else sb_putc(&sb, (char)c);
    }
    sb_putc(&sb, q);
    if (bytearray) sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static Value bytes_repr_slot(VM *vm, Value self) {
    const unsigned char *p;
    size_t n;
    bytes_like(vm, self, &p, &n);
    if (is_bytearray(self) && v_type(self) != &type_bytearray) {
        Value r = bytes_repr(vm, p, n, false);
        if (!r) return VNULL;
        return vm_format(vm, "%s(%U)", v_type(self)->name, r);
    }
    return bytes_repr(vm, p, n, is_bytearray(self));
}

static int64_t bytes_hash(VM *vm, Value self) {
    (void)vm;
    Bytes *b = AS(Bytes, self);
    int64_t h = atomic_load_explicit(&b->hash, memory_order_relaxed);
    if (h != -1) return h;
    h = bytes_hash_raw(b->data, (size_t)b->len);
    atomic_store_explicit(&b->hash, h, memory_order_relaxed);
    return h;
}

static int64_t bytes_len_slot(VM *vm, Value self) {
    const unsigned char *p;
    size_t n;
    bytes_like(vm, self, &p, &n);
    return (int64_t)n;
}

static Value bytes_richcompare(VM *vm, Value a, Value b, int op) {
    const unsigned char *x, *y;
    size_t nx, ny;
    if (!bytes_like(vm, a, &x, &nx) || !bytes_like(vm, b, &y, &ny)) return V_NOTIMPL;
    int c;
    if ((op == CMP_EQ_OP || op == CMP_NE_OP) && nx != ny) c = 1;
    else {
        c = memcmp(x, y, nx < ny ? nx : ny);
        if (c == 0) c = (nx > ny) - (nx < ny);
    }
    switch (op) {
    case CMP_LT_OP: return v_bool(c < 0);
    case CMP_LE_OP: return v_bool(c <= 0);
    case CMP_EQ_OP: return v_bool(c == 0);
    case CMP_NE_OP: return v_bool(c != 0);
    case CMP_GT_OP: return v_bool(c > 0);
    default: return v_bool(c >= 0);
    }
}

static Value bytes_getitem(VM *vm, Value self, Value key) {
    const unsigned char *p;
    size_t n;
    bytes_like(vm, self, &p, &n);
    if (v_type(key) == &type_slice) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, (int64_t)n, &start, &stop, &step, &len)) return VNULL;
        if (step == 1) return make_like(vm, self, p + start, (size_t)len);
        unsigned char *tmp = malloc((size_t)len + 1);
        if (!tmp) return vm_raise_nomem(vm);
        for (int64_t i = 0, j = start; i < len; i++, j += step) tmp[i] = p[j];
        Value r = make_like(vm, self, tmp, (size_t)len);
        free(tmp);
        return r;
    }
    int64_t i;
    if (!vm_index_i64(vm, key, &i, &exc_IndexError)) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "%s indices must be integers or slices, not %s", v_type(self)->name, v_type(key)->name);
        }
        return VNULL;
    }
    if (i < 0) i += (int64_t)n;
    if (i < 0 || i >= (int64_t)n)
        return vm_raise(vm, &exc_IndexError, "%s index out of range", is_bytearray(self) ? "bytearray" : "index");
    return v_from_small(p[i]);
}

static int64_t find_sub(const unsigned char *h, int64_t hn, const unsigned char *nd, int64_t nn, int64_t from, int64_t to) {
    if (nn == 0) return from <= to ? from : -1;
    for (int64_t i = from; i + nn <= to; i++)
        if (h[i] == nd[0] && memcmp(h + i, nd, (size_t)nn) == 0) return i;
    (void)hn;
    return -1;
}

static int64_t rfind_sub(const unsigned char *h, const unsigned char *nd, int64_t nn, int64_t from, int64_t to) {
    for (int64_t i = to - nn; i >= from; i--)
        if (memcmp(h + i, nd, (size_t)nn) == 0) return i;
    return -1;
}

static bool sub_arg(VM *vm, Value v, const unsigned char **p, size_t *n, unsigned char *byte) {
    if (v_is_intlike(v)) {
        int64_t c;
        if (!int_to_i64(v_int_value(v), &c) || c < 0 || c > 255) {
            vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)");
            return false;
        }
        *byte = (unsigned char)c;
        *p = byte;
        *n = 1;
        return true;
    }
    if (bytes_like(vm, v, p, n)) return true;
    vm_raise(vm, &exc_TypeError, "argument should be integer or bytes-like object, not '%s'", v_type(v)->name);
    return false;
}

static int bytes_contains(VM *vm, Value self, Value x) {
    const unsigned char *p, *s;
    size_t n, sn;
    unsigned char b;
    bytes_like(vm, self, &p, &n);
    if (v_is_intlike(x)) {
        int64_t c;
        if (!int_to_i64(v_int_value(x), &c) || c < 0 || c > 255) {
            vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(p, (int)c, n) != NULL;
    }
    if (!bytes_like(vm, x, &s, &sn)) {
        vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(x)->name);
        return -1;
    }
    (void)b;
    return find_sub(p, (int64_t)n, s, (int64_t)sn, 0, (int64_t)n) >= 0;
}

static Value bytes_concat(VM *vm, Value a, Value b) {
    const unsigned char *x, *y;
    size_t nx, ny;
    if (!bytes_like(vm, a, &x, &nx)) return V_NOTIMPL;
    if (!bytes_like(vm, b, &y, &ny))
        return vm_raise(vm, &exc_TypeError, "can't concat %s to %s", v_type(b)->name, v_type(a)->name);
    unsigned char *tmp = malloc(nx + ny + 1);
    if (!tmp) return vm_raise_nomem(vm);
    memcpy(tmp, x, nx);
    memcpy(tmp + nx, y, ny);
    Value r = make_like(vm, a, tmp, nx + ny);
    free(tmp);
    return r;
}

static Value bytes_repeat(VM *vm, Value a, Value b) {
    Value s = a, k = b;
    const unsigned char *p;
    size_t n;
    if (!bytes_like(vm, s, &p, &n)) { s = b; k = a; if (!bytes_like(vm, s, &p, &n)) return V_NOTIMPL; }
    if (!v_is_intlike(k) && !v_type(k)->nb_index) return V_NOTIMPL;
    int64_t c;
    if (!vm_index_i64(vm, k, &c, NULL)) return VNULL;
    if (c <= 0) return make_like(vm, s, "", 0);
    if ((int64_t)n > (INT64_C(1) << 40) / c) return vm_raise_nomem(vm);
    unsigned char *tmp = malloc(n * (size_t)c + 1);
    if (!tmp) return vm_raise_nomem(vm);
    bytes_like(vm, s, &p, &n);
    for (int64_t i = 0; i < c; i++) memcpy(tmp + (size_t)i * n, p, n);
    Value r = make_like(vm, s, tmp, n * (size_t)c);
    free(tmp);
    return r;
}

/* ---- iteration ---- */
typedef struct BytesIter {
    Obj hdr;
    Value b;
    int64_t i;
} BytesIter;
Type type_bytes_iter;
static void bytesiter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((BytesIter *)o)->b); }
static Value bytes_iter(VM *vm, Value self) {
    BytesIter *it = gc_alloc(vm, &type_bytes_iter, sizeof(BytesIter));
    if (!it) return VNULL;
    it->b = self;
    return v_from_ptr(it);
}
static Value bytesiter_next(VM *vm, Value self) {
    BytesIter *it = AS(BytesIter, self);
    if (!it->b) return VNULL;
    const unsigned char *p;
    size_t n;
    bytes_like(vm, it->b, &p, &n);
    if (it->i < (int64_t)n) return v_from_small(p[it->i++]);
    it->b = VNULL;
    return VNULL;
}

/* ---- decoding ---- */
Value bytes_decode(VM *vm, const unsigned char *p, size_t n, const char *enc, const char *errors, Value obj) {
    char e[32];
    size_t k = 0;
    for (const char *q = enc; *q && k < sizeof e - 1; q++) e[k++] = (char)(*q == '_' ? '-' : (*q >= 'A' && *q <= 'Z' ? *q + 32 : *q));
    e[k] = 0;
    bool utf8 = !strcmp(e, "utf-8") || !strcmp(e, "utf8") || !strcmp(e, "u8");
    bool ascii = !strcmp(e, "ascii") || !strcmp(e, "us-ascii");
    bool latin1 = !strcmp(e, "latin-1") || !strcmp(e, "latin1") || !strcmp(e, "iso-8859-1") || !strcmp(e, "iso8859-1");
    if (!utf8 && !ascii && !latin1) return vm_raise(vm, &exc_LookupError, "unknown encoding: %s", enc);
    bool strict = !strcmp(errors, "strict"), ignore = !strcmp(errors, "ignore"), replace = !strcmp(errors, "replace");
    if (!strict && !ignore && !replace) return vm_raise(vm, &exc_LookupError, "unknown error handler name '%s'", errors);
    StrBuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c < 0x80) { sb_putc(&sb, (char)c); i++; continue; }
        if (latin1) { sb_put_utf8(&sb, c); i++; continue; }
        size_t len = 0;
        const char *reason = ascii ? "ordinal not in range(128)" : "invalid start byte";
        if (utf8) {
            int need = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
            if (need > 0 && c >= 0xC2 && c <= 0xF4) {
                if (i + (size_t)need < n + 0 && i + (size_t)need <= n - 1 + 1) {}
                bool ok = i + (size_t)need < n + 1;
                size_t j;
                for (j = 1; ok && j <= (size_t)need; j++) {
                    if (i + j >= n) { ok = false; reason = "unexpected end of data"; break; }
                    if ((p[i + j] & 0xC0) != 0x80) { ok = false; reason = "invalid continuation byte"; break; }
                }
                if (ok && need == 2) {
                    uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
                    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) { ok = false; reason = "invalid continuation byte"; j = 1; }
                }
                if (ok && need == 3) {
                    uint32_t cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[i + 1] & 0x3F) << 12) |
                                  ((uint32_t)(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
                    if (cp < 0x10000 || cp > 0x10FFFF) { ok = false; reason = "invalid continuation byte"; j = 1; }
                }
                if (ok) {
                    sb_append(&sb, p + i, (size_t)need + 1);
                    i += (size_t)need + 1;
                    continue;
                }
                len = j;
                if (!strcmp(reason, "unexpected end of data")) len = n - i;
            }
        }
        if (len == 0) len = 1;
        if (strict) {
            sb_free(&sb);
            Value args[5];
            args[0] = str_from_cstr(vm, utf8 ? "utf-8" : "ascii");
            if (!args[0]) return VNULL;
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, args[0]);
            args[1] = obj ? obj : bytes_new(vm, p, n);
            if (!args[1]) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, args[1]);
            args[2] = v_from_small((int64_t)i);
            args[3] = v_from_small((int64_t)(i + len));
            args[4] = str_from_cstr(vm, reason);
            if (!args[4]) { ROOTS_RESET(vm); return VNULL; }
            ROOT_PUSH(vm, args[4]);
            Value ex = exc_new(vm, &exc_UnicodeDecodeError, args, 5);
            ROOTS_RESET(vm);
            return vm_raise_value(vm, ex);
        }
        if (replace) sb_put_utf8(&sb, 0xFFFD);
        i += len;
    }
    return str_from_sb(vm, &sb);
}

/* ---- methods ---- */
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define VIEW(v, p, n) const unsigned char *p; size_t n; bytes_like(vm, v, &p, &n)

M(m_decode) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "decode", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    VIEW(args[0], p, n);
    return bytes_decode(vm, p, n, out[0] ? str_cstr(out[0]) : "utf-8", out[1] ? str_cstr(out[1]) : "strict", args[0]);
}

M(m_hex) {
    (void)nargs; (void)kw;
    VIEW(args[0], p, n);
    static const char hx[] = "0123456789abcdef";
    StrBuf sb = STRBUF_INIT;
    const char *sep = NULL;
    if (nargs > 1 && IS_STR(args[1])) sep = str_cstr(args[1]);
    for (size_t i = 0; i < n; i++) {
        if (i && sep) sb_puts(&sb, sep);
        sb_putc(&sb, hx[p[i] >> 4]);
        sb_putc(&sb, hx[p[i] & 15]);
    }
    return str_from_sb(vm, &sb);
}

M(m_fromhex) {
    (void)nargs; (void)kw;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "fromhex() argument must be str, not %s", v_type(args[1])->name);
    const char *s = str_cstr(args[1]);
    int64_t len = str_len(args[1]);
    unsigned char *buf = malloc((size_t)len / 2 + 1);
    if (!buf) return vm_raise_nomem(vm);
    size_t n = 0;
    for (int64_t i = 0; i < len;) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') { i++; continue; }
        int hi = -1, lo = -1;
        char c = s[i];
        if (c >= '0' && c <= '9') hi = c - '0'; else if ((c | 32) >= 'a' && (c | 32) <= 'f') hi = (c | 32) - 'a' + 10;
        if (i + 1 < len) {
            c = s[i + 1];
            if (c >= '0' && c <= '9') lo = c - '0'; else if ((c | 32) >= 'a' && (c | 32) <= 'f') lo = (c | 32) - 'a' + 10;
        }
        if (hi < 0 || lo < 0) {
            free(buf);
            return vm_raise(vm, &exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                            (long long)(hi < 0 ? i : i + 1));
        }
        buf[n++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    Value r = args[0] == v_from_ptr(&type_bytearray) ? bytearray_new(vm, buf, n) : bytes_new(vm, buf, n);
    free(buf);
    if (r && args[0] != v_from_ptr(&type_bytes) && args[0] != v_from_ptr(&type_bytearray)) return vm_call1(vm, args[0], r);
    return r;
}

static bool range_args(VM *vm, Value *args, int nargs, int first, int64_t n, int64_t *lo, int64_t *hi) {
    *lo = 0;
    *hi = n;
    if (nargs > first && args[first] != V_NONE) {
        if (!vm_index_i64(vm, args[first], lo, NULL)) return false;
        if (*lo < 0) { *lo += n; if (*lo < 0) *lo = 0; }
    }
    if (nargs > first + 1 && args[first + 1] != V_NONE) {
        if (!vm_index_i64(vm, args[first + 1], hi, NULL)) return false;
        if (*hi < 0) { *hi += n; if (*hi < 0) *hi = 0; }
    }
    if (*hi > n) *hi = n;
    return true;
}

static Value find_impl(VM *vm, Value *args, int nargs, bool rev, bool raise) {
    VIEW(args[0], p, n);
    const unsigned char *s;
    size_t sn;
    unsigned char b;
    if (!sub_arg(vm, args[1], &s, &sn, &b)) return VNULL;
    int64_t lo, hi;
    if (!range_args(vm, args, nargs, 2, (int64_t)n, &lo, &hi)) return VNULL;
    int64_t r = rev ? rfind_sub(p, s, (int64_t)sn, lo, hi) : find_sub(p, (int64_t)n, s, (int64_t)sn, lo, hi);
    if (r < 0 && raise) return vm_raise(vm, &exc_ValueError, "subsection not found");
    return v_from_small(r);
}
M(m_find) { (void)kw; return find_impl(vm, args, nargs, false, false); }
M(m_rfind) { (void)kw; return find_impl(vm, args, nargs, true, false); }
M(m_index) { (void)kw; return find_impl(vm, args, nargs, false, true); }
M(m_rindex) { (void)kw; return find_impl(vm, args, nargs, true, true); }

M(m_count) {
    (void)kw;
    VIEW(args[0], p, n);
    const unsigned char *s;
    size_t sn;
    unsigned char b;
    if (!sub_arg(vm, args[1], &s, &sn, &b)) return VNULL;
    int64_t lo, hi;
    if (!range_args(vm, args, nargs, 2, (int64_t)n, &lo, &hi)) return VNULL;
    if (sn == 0) return v_from_small(hi >= lo ? hi - lo + 1 : 0);
    int64_t c = 0;
    for (int64_t i = lo; i + (int64_t)sn <= hi;) {
        if (memcmp(p + i, s, sn) == 0) { c++; i += (int64_t)sn; }
        else i++;
    }
    return v_from_small(c);
}

static Value startsends(VM *vm, Value *args, int nargs, bool ends) {
    VIEW(args[0], p, n);
    int64_t lo, hi;
    if (!range_args(vm, args, nargs, 2, (int64_t)n, &lo, &hi)) return VNULL;
    Value pre = args[1];
    int64_t np = IS_TUPLE(pre) ? tuple_len(pre) : 1;
    for (int64_t k = 0; k < np; k++) {
        Value x = IS_TUPLE(pre) ? tuple_items(pre)[k] : pre;
        const unsigned char *s;
        size_t sn;
        if (!bytes_like(vm, x, &s, &sn))
            return vm_raise(vm, &exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                            ends ? "endswith" : "startswith", v_type(x)->name);
        if ((int64_t)sn > hi - lo) continue;
        if (memcmp(ends ? p + hi - (int64_t)sn : p + lo, s, sn) == 0) return V_TRUE;
    }
    return V_FALSE;
}
M(m_startswith) { (void)kw; return startsends(vm, args, nargs, false); }
M(m_endswith) { (void)kw; return startsends(vm, args, nargs, true); }

static bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static Value strip_impl(VM *vm, Value *args, int nargs, int which) {
    VIEW(args[0], p, n);
    const unsigned char *chars = NULL;
    size_t cn = 0;
    if (nargs > 1 && args[1] != V_NONE && !bytes_like(vm, args[1], &chars, &cn))
        return vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(args[1])->name);
    size_t lo = 0, hi = n;
    if (which & 1) while (lo < hi && (chars ? memchr(chars, p[lo], cn) != NULL : is_ws(p[lo]))) lo++;
    if (which & 2) while (hi > lo && (chars ? memchr(chars, p[hi - 1], cn) != NULL : is_ws(p[hi - 1]))) hi--;
    return make_like(vm, args[0], p + lo, hi - lo);
}
M(m_strip) { (void)kw; return strip_impl(vm, args, nargs, 3); }
M(m_lstrip) { (void)kw; return strip_impl(vm, args, nargs, 1); }
M(m_rstrip) { (void)kw; return strip_impl(vm, args, nargs, 2); }

M(m_split) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "split", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t maxsplit = -1;
    if (out[1] && !vm_index_i64(vm, out[1], &maxsplit, NULL)) return VNULL;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    Value res = list_new(vm, 0);
    if (!res) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, res);
    VIEW(args[0], p, n);
    if (!out[0] || out[0] == V_NONE) {
        size_t i = 0;
        for (;;) {
            while (i < n && is_ws(p[i])) i++;
            if (i >= n) break;
            size_t j = i;
            if (maxsplit-- == 0) {
                size_t e = n;
                while (e > i && is_ws(p[e - 1])) e--;
                j = e;
            } else {
                while (j < n && !is_ws(p[j])) j++;
            }
            Value w = make_like(vm, args[0], p + i, j - i);
            if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
            bytes_like(vm, args[0], &p, &n);
            i = j;
            if (maxsplit < 0 && j == n) break;
        }
    } else {
        const unsigned char *s;
        size_t sn;
        if (!bytes_like(vm, out[0], &s, &sn)) { ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(out[0])->name); }
        if (sn == 0) { ROOTS_RESET(vm); return vm_raise(vm, &exc_ValueError, "empty separator"); }
        int64_t i = 0;
        while (maxsplit-- > 0) {
            int64_t j = find_sub(p, (int64_t)n, s, (int64_t)sn, i, (int64_t)n);
            if (j < 0) break;
            Value w = make_like(vm, args[0], p + i, (size_t)(j - i));
            if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
            bytes_like(vm, args[0], &p, &n);
            bytes_like(vm, out[0], &s, &sn);
            i = j + (int64_t)sn;
        }
        Value w = make_like(vm, args[0], p + i, n - (size_t)i);
        if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return res;
}

M(m_join) {
    (void)nargs; (void)kw;
    Value seq = vm_sequence_to_tuple(vm, args[1]);
    if (!seq) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, seq);
    StrBuf sb = STRBUF_INIT;
    for (int64_t i = 0; i < tuple_len(seq); i++) {
        const unsigned char *p;
        size_t n;
        if (!bytes_like(vm, tuple_items(seq)[i], &p, &n)) {
            sb_free(&sb);
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                            v_type(tuple_items(seq)[i])->name);
        }
        if (i) {
            VIEW(args[0], sp, sn);
            sb_append(&sb, sp, sn);
        }
        sb_append(&sb, p, n);
    }
    Value r = make_like(vm, args[0], sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    ROOTS_RESET(vm);
    return r;
}

M(m_replace) {
    (void)kw;
    VIEW(args[0], p, n);
    const unsigned char *o, *w;
    size_t on, wn;
    if (!bytes_like(vm, args[1], &o, &on) || !bytes_like(vm, args[2], &w, &wn))
        return vm_raise(vm, &exc_TypeError, "a bytes-like object is required");
    int64_t count = -1;
    if (nargs > 3 && !vm_index_i64(vm, args[3], &count, NULL)) return VNULL;
    if (count < 0) count = INT64_MAX;
    StrBuf sb = STRBUF_INIT;
    size_t i = 0;
    if (on == 0) {
        for (size_t k = 0; k <= n; k++) {
            if (count-- > 0) sb_append(&sb, w, wn);
            if (k < n) sb_putc(&sb, (char)p[k]);
        }
    } else {
        while (count-- > 0) {
            int64_t j = find_sub(p, (int64_t)n, o, (int64_t)on, (int64_t)i, (int64_t)n);
            if (j < 0) break;
            sb_append(&sb, p + i, (size_t)j - i);
            sb_append(&sb, w, wn);
            i = (size_t)j + on;
        }
        sb_append(&sb, p + i, n - i);
    }
    Value r = make_like(vm, args[0], sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

static Value map_bytes(VM *vm, Value self, int mode) {
    VIEW(self, p, n);
    unsigned char *t = malloc(n + 1);
    if (!t) return vm_raise_nomem(vm);
    bool prev_alpha = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (mode) {
        case 0: t[i] = lo ? (unsigned char)(c - 32) : c; break;                         /* upper */
        case 1: t[i] = up ? (unsigned char)(c + 32) : c; break;                         /* lower */
        case 2: t[i] = up ? (unsigned char)(c + 32) : lo ? (unsigned char)(c - 32) : c; break;  /* swapcase */
        case 3: t[i] = i == 0 ? (lo ? (unsigned char)(c - 32) : c) : (up ? (unsigned char)(c + 32) : c); break;  /* capitalize */
        default:                                                                        /* title */
            t[i] = prev_alpha ? (up ? (unsigned char)(c + 32) : c) : (lo ? (unsigned char)(c - 32) : c);
            prev_alpha = up || lo;
        }
    }
    Value r = make_like(vm, self, t, n);
    free(t);
    return r;
}
M(m_upper) { (void)nargs; (void)kw; return map_bytes(vm, args[0], 0); }
M(m_lower) { (void)nargs; (void)kw; return map_bytes(vm, args[0], 1); }
M(m_swapcase) { (void)nargs; (void)kw; return map_bytes(vm, args[0], 2); }
M(m_capitalize) { (void)nargs; (void)kw; return map_bytes(vm, args[0], 3); }
M(m_title) { (void)nargs; (void)kw; return map_bytes(vm, args[0], 4); }

static Value pred(VM *vm, Value self, int which) {
    VIEW(self, p, n);
    if (n == 0) return V_FALSE;
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        bool dg = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (which) {
        case 0: if (!dg) return V_FALSE; break;
        case 1: if (!(up || lo)) return V_FALSE; break;
        case 2: if (!(up || lo || dg)) return V_FALSE; break;
        case 3: if (!is_ws(c)) return V_FALSE; break;
        case 4: if (lo) return V_FALSE; if (up) cased = true; break;
        case 5: if (up) return V_FALSE; if (lo) cased = true; break;
        default: if (c >= 0x80) return V_FALSE; break;
        }
    }
    if (which == 4 || which == 5) return v_bool(cased);
    return V_TRUE;
}
M(m_isdigit) { (void)nargs; (void)kw; return pred(vm, args[0], 0); }
M(m_isalpha) { (void)nargs; (void)kw; return pred(vm, args[0], 1); }
M(m_isalnum) { (void)nargs; (void)kw; return pred(vm, args[0], 2); }
M(m_isspace) { (void)nargs; (void)kw; return pred(vm, args[0], 3); }
M(m_isupper) { (void)nargs; (void)kw; return pred(vm, args[0], 4); }
M(m_islower) { (void)nargs; (void)kw; return pred(vm, args[0], 5); }
M(m_isascii) { (void)nargs; (void)kw; VIEW(args[0], p, n); for (size_t i = 0; i < n; i++) if (p[i] >= 0x80) return V_FALSE; return V_TRUE; }

static Value partition_impl(VM *vm, Value self, Value sep, bool rev) {
    VIEW(self, p, n);
    const unsigned char *s;
    size_t sn;
    if (!bytes_like(vm, sep, &s, &sn)) return vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(sep)->name);
    if (sn == 0) return vm_raise(vm, &exc_ValueError, "empty separator");
    int64_t j = rev ? rfind_sub(p, s, (int64_t)sn, 0, (int64_t)n) : find_sub(p, (int64_t)n, s, (int64_t)sn, 0, (int64_t)n);
    ROOTS_MARK(vm);
    Value a, b, c;
    if (j < 0) {
        a = rev ? make_like(vm, self, "", 0) : make_like(vm, self, p, n);
        ROOT_PUSH(vm, a);
        b = make_like(vm, self, "", 0);
        ROOT_PUSH(vm, b);
        bytes_like(vm, self, &p, &n);
        c = rev ? make_like(vm, self, p, n) : make_like(vm, self, "", 0);
    } else {
        a = make_like(vm, self, p, (size_t)j);
        ROOT_PUSH(vm, a);
        bytes_like(vm, sep, &s, &sn);
        b = make_like(vm, self, s, sn);
        ROOT_PUSH(vm, b);
        bytes_like(vm, self, &p, &n);
        c = make_like(vm, self, p + j + (int64_t)sn, n - (size_t)j - sn);
    }
    if (!a || !b || !c) { ROOTS_RESET(vm); return VNULL; }
    Value t = tuple_pack(vm, 3, a, b, c);
    ROOTS_RESET(vm);
    return t;
}
M(m_partition) { (void)nargs; (void)kw; return partition_impl(vm, args[0], args[1], false); }
M(m_rpartition) { (void)nargs; (void)kw; return partition_impl(vm, args[0], args[1], true); }

static Value justify(VM *vm, Value *args, int nargs, int mode) {
    VIEW(args[0], p, n);
    int64_t w;
    if (!vm_index_i64(vm, args[1], &w, NULL)) return VNULL;
    unsigned char fill = ' ';
    if (nargs > 2) {
        const unsigned char *f;
        size_t fn;
        if (!bytes_like(vm, args[2], &f, &fn) || fn != 1)
            return vm_raise(vm, &exc_TypeError, "argument 2 must be a byte string of length 1");
        fill = f[0];
    }
    if (w <= (int64_t)n) return make_like(vm, args[0], p, n);
    int64_t extra = w - (int64_t)n, left = mode == 0 ? 0 : mode == 1 ? extra : extra / 2 + (extra & w & 1);
    unsigned char *t = malloc((size_t)w);
    if (!t) return vm_raise_nomem(vm);
    memset(t, fill, (size_t)w);
    memcpy(t + left, p, n);
    Value r = make_like(vm, args[0], t, (size_t)w);
    free(t);
    return r;
}
M(m_ljust) { (void)kw; return justify(vm, args, nargs, 0); }
M(m_rjust) { (void)kw; return justify(vm, args, nargs, 1); }
M(m_center) { (void)kw; return justify(vm, args, nargs, 2); }

M(m_removeprefix) {
    (void)nargs; (void)kw;
    VIEW(args[0], p, n);
    const unsigned char *s;
    size_t sn;
    if (!bytes_like(vm, args[1], &s, &sn)) return vm_raise(vm, &exc_TypeError, "a bytes-like object is required");
    if (sn <= n && memcmp(p, s, sn) == 0) return make_like(vm, args[0], p + sn, n - sn);
    return make_like(vm, args[0], p, n);
}

M(m_removesuffix) {
    (void)nargs; (void)kw;
    VIEW(args[0], p, n);
    const unsigned char *s;
    size_t sn;
    if (!bytes_like(vm, args[1], &s, &sn)) return vm_raise(vm, &exc_TypeError, "a bytes-like object is required");
    if (sn && sn <= n && memcmp(p + n - sn, s, sn) == 0) return make_like(vm, args[0], p, n - sn);
    return make_like(vm, args[0], p, n);
}

M(m_splitlines) {
    (void)kw;
    int keep = 0;
    if (nargs > 1) { keep = vm_truthy(vm, args[1]); if (keep < 0) return VNULL; }
    Value res = list_new(vm, 0);
    if (!res) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, res);
    VIEW(args[0], p, n);
    size_t i = 0, start = 0;
    while (i < n) {
        if (p[i] == '\n' || p[i] == '\r') {
            size_t eol = i + 1;
            if (p[i] == '\r' && eol < n && p[eol] == '\n') eol++;
            Value w = make_like(vm, args[0], p + start, (keep ? eol : i) - start);
            if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
            bytes_like(vm, args[0], &p, &n);
            start = i = eol;
        } else i++;
    }
    if (start < n) {
        Value w = make_like(vm, args[0], p + start, n - start);
        if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return res;
}

M(m_getitem) { (void)nargs; (void)kw; return bytes_getitem(vm, args[0], args[1]); }
M(m_getnewargs) { (void)nargs; (void)kw; VIEW(args[0], p, n); Value b = bytes_new(vm, p, n); return b ? tuple_pack(vm, 1, b) : VNULL; }

/* bytearray mutators */
M(ba_append) {
    (void)nargs; (void)kw;
    ByteArray *b = AS(ByteArray, args[0]);
    int64_t c;
    if (!v_is_intlike(args[1])) return vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(args[1])->name);
    if (!int_to_i64(v_int_value(args[1]), &c) || c < 0 || c > 255) return vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)");
    int64_t n = ba_len(vm, b);
    RawBuf *r = ba_writable(vm, b, n + 1);
    if (!r) return VNULL;
    r->data[n] = (unsigned char)c;
    WRW(vm, b, b->len, n + 1);
    return V_NONE;
}

static bool ba_set_range(VM *vm, Value self, int64_t lo, int64_t hi, const unsigned char *src, size_t m) {
    ByteArray *b = AS(ByteArray, self);
    int64_t n = ba_len(vm, b);
    int64_t d = (int64_t)m - (hi - lo);
    unsigned char *copy = NULL;
    if (m) {
        copy = malloc(m);
        if (!copy) { vm_raise_nomem(vm); return false; }
        memcpy(copy, src, m);
    }
    RawBuf *r = ba_writable(vm, b, n + (d > 0 ? d : 0));
    if (!r) { free(copy); return false; }
    memmove(r->data + hi + d, r->data + hi, (size_t)(n - hi));
    if (m) memcpy(r->data + lo, copy, m);
    free(copy);
    WRW(vm, b, b->len, n + d);
    return true;
}

static bool to_bytes_view(VM *vm, Value v, unsigned char **owned, const unsigned char **p, size_t *n) {
    *owned = NULL;
    if (bytes_like(vm, v, p, n)) return true;
    if (IS_STR(v)) { vm_raise(vm, &exc_TypeError, "can't extend bytearray with str"); return false; }
    Value l = list_from_iter(vm, v);
    if (!l) return false;
    int64_t k = list_len(vm, l);
    unsigned char *buf = malloc((size_t)k + 1);
    if (!buf) { vm_raise_nomem(vm); return false; }
    for (int64_t i = 0; i < k; i++) {
        Value x = list_get(vm, l, i);
        int64_t c;
        if (!v_is_intlike(x)) { free(buf); vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(x)->name); return false; }
        if (!int_to_i64(v_int_value(x), &c) || c < 0 || c > 255) { free(buf); vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)"); return false; }
        buf[i] = (unsigned char)c;
    }
    *owned = buf;
    *p = buf;
    *n = (size_t)k;
    return true;
}

M(ba_extend) {
    (void)nargs; (void)kw;
    unsigned char *owned;
    const unsigned char *p;
    size_t n;
    if (!to_bytes_view(vm, args[1], &owned, &p, &n)) return VNULL;
    int64_t len = ba_len(vm, AS(ByteArray, args[0]));
    bool ok = ba_set_range(vm, args[0], len, len, p, n);
    free(owned);
    return ok ? V_NONE : VNULL;
}

M(ba_pop) {
    (void)kw;
    ByteArray *b = AS(ByteArray, args[0]);
    int64_t n = ba_len(vm, b), i = n - 1;
    if (n == 0) return vm_raise(vm, &exc_IndexError, "pop from empty bytearray");
    if (nargs > 1 && !vm_index_i64(vm, args[1], &i, NULL)) return VNULL;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm_raise(vm, &exc_IndexError, "pop index out of range");
    int c = ba_buf(vm, b)->data[i];
    if (!ba_set_range(vm, args[0], i, i + 1, NULL, 0)) return VNULL;
    return v_from_small(c);
}

M(ba_insert) {
    (void)nargs; (void)kw;
    int64_t i, c;
    if (!vm_index_i64(vm, args[1], &i, NULL)) return VNULL;
    if (!v_is_intlike(args[2]) || !int_to_i64(v_int_value(args[2]), &c) || c < 0 || c > 255)
        return vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)");
    int64_t n = ba_len(vm, AS(ByteArray, args[0]));
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    unsigned char byte = (unsigned char)c;
    return ba_set_range(vm, args[0], i, i, &byte, 1) ? V_NONE : VNULL;
}

M(ba_remove) {
    (void)nargs; (void)kw;
    int64_t c;
    if (!v_is_intlike(args[1]) || !int_to_i64(v_int_value(args[1]), &c) || c < 0 || c > 255)
        return vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)");
    VIEW(args[0], p, n);
    const unsigned char *q = memchr(p, (int)c, n);
    if (!q) return vm_raise(vm, &exc_ValueError, "value not found in bytearray");
    int64_t i = q - p;
    return ba_set_range(vm, args[0], i, i + 1, NULL, 0) ? V_NONE : VNULL;
}

M(ba_clear) { (void)nargs; (void)kw; return ba_set_range(vm, args[0], 0, ba_len(vm, AS(ByteArray, args[0])), NULL, 0) ? V_NONE : VNULL; }
M(ba_copy) { (void)nargs; (void)kw; VIEW(args[0], p, n); return bytearray_new(vm, p, n); }
M(ba_reverse) {
    (void)nargs; (void)kw;
    ByteArray *b = AS(ByteArray, args[0]);
    int64_t n = ba_len(vm, b);
    RawBuf *r = ba_writable(vm, b, n);
    if (!r) return VNULL;
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) { unsigned char t = r->data[i]; r->data[i] = r->data[j]; r->data[j] = t; }
    return V_NONE;
}

static int ba_setitem(VM *vm, Value self, Value key, Value v) {
    ByteArray *b = AS(ByteArray, self);
    int64_t n = ba_len(vm, b);
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return -1;
        if (!v) {
            if (step == 1) return ba_set_range(vm, self, start, start + len, NULL, 0) ? 0 : -1;
            VIEW(self, p, pn);
            unsigned char *keep = malloc(pn + 1);
            if (!keep) { vm_raise_nomem(vm); return -1; }
            size_t w = 0;
            for (int64_t i = 0; i < (int64_t)pn; i++) {
                bool del = false;
                if (step > 0) del = i >= start && i < stop && (i - start) % step == 0;
                else del = i <= start && i > stop && (start - i) % (-step) == 0;
                if (!del) keep[w++] = p[i];
            }
            bool ok = ba_set_range(vm, self, 0, n, keep, w);
            free(keep);
            return ok ? 0 : -1;
        }
        unsigned char *owned;
        const unsigned char *p;
        size_t m;
        if (v_is_intlike(v)) { vm_raise(vm, &exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)"); return -1; }
        if (!to_bytes_view(vm, v, &owned, &p, &m)) return -1;
        bool ok;
        if (step == 1) ok = ba_set_range(vm, self, start, stop < start ? start : stop, p, m);
        else if ((int64_t)m != len) {
            vm_raise(vm, &exc_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", m, (long long)len);
            ok = false;
        } else {
            RawBuf *r = ba_writable(vm, b, n);
            ok = r != NULL;
            for (int64_t i = 0, j = start; ok && i < len; i++, j += step) r->data[j] = p[i];
        }
        free(owned);
        return ok ? 0 : -1;
    }
    int64_t i;
    if (!vm_index_i64(vm, key, &i, &exc_IndexError)) return -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) { vm_raise(vm, &exc_IndexError, "bytearray index out of range"); return -1; }
    if (!v) return ba_set_range(vm, self, i, i + 1, NULL, 0) ? 0 : -1;
    int64_t c;
    if (!v_is_intlike(v)) { vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(v)->name); return -1; }
    if (!int_to_i64(v_int_value(v), &c) || c < 0 || c > 255) { vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)"); return -1; }
    RawBuf *r = ba_writable(vm, b, n);
    if (!r) return -1;
    r->data[i] = (unsigned char)c;
    return 0;
}

static Value ba_iadd(VM *vm, Value a, Value b) {
    Value args[2] = {a, b};
    if (!ba_extend(vm, args, 2, VNULL)) return VNULL;
    return a;
}

/* ---- constructors ---- */
static bool fill_from(VM *vm, Value src, Value enc, Value errors, unsigned char **out, size_t *n, bool *nothing) {
    *nothing = false;
    if (!src) { *out = NULL; *n = 0; return true; }
    if (IS_STR(src)) {
        if (!enc) { vm_raise(vm, &exc_TypeError, "string argument without an encoding"); return false; }
        Value args[3] = {src, enc, errors ? errors : VNULL};
        Value m = vm_getattr_cstr(vm, src, "encode");
        if (!m) return false;
        Value bs = vm_call(vm, m, args + 1, errors ? 2 : 1, VNULL);
        if (!bs) return false;
        const unsigned char *p;
        bytes_like(vm, bs, &p, n);
        *out = malloc(*n + 1);
        if (!*out) { vm_raise_nomem(vm); return false; }
        memcpy(*out, p, *n);
        return true;
    }
    if (enc || errors) { vm_raise(vm, &exc_TypeError, enc ? "encoding without a string argument" : "errors without a string argument"); return false; }
    if (v_is_intlike(src)) {
        int64_t k;
        if (!int_to_i64(v_int_value(src), &k)) { vm_raise(vm, &exc_OverflowError, "cannot fit 'int' into an index-sized integer"); return false; }
        if (k < 0) { vm_raise(vm, &exc_ValueError, "negative count"); return false; }
        if (k > (INT64_C(1) << 40)) { vm_raise_nomem(vm); return false; }
        *out = calloc((size_t)k + 1, 1);
        if (!*out) { vm_raise_nomem(vm); return false; }
        *n = (size_t)k;
        return true;
    }
    Value bm = vm_lookup_special(vm, src, NM(__bytes__));
    if (bm) {
        Value r = vm_call0(vm, bm);
        if (!r) return false;
        const unsigned char *p;
        if (!bytes_like(vm, r, &p, n)) { vm_raise(vm, &exc_TypeError, "__bytes__ returned non-bytes (type %s)", v_type(r)->name); return false; }
        *out = malloc(*n + 1);
        if (!*out) { vm_raise_nomem(vm); return false; }
        memcpy(*out, p, *n);
        return true;
    }
    if (vm->exc) return false;
    const unsigned char *p;
    unsigned char *owned;
    if (!v_type(src)->tp_iter && !v_type(src)->tp_getitem && !bytes_like(vm, src, &p, n)) {
        vm_raise(vm, &exc_TypeError, "cannot convert '%s' object to bytes", v_type(src)->name);
        return false;
    }
    if (!to_bytes_view(vm, src, &owned, &p, n)) return false;
    if (owned) { *out = owned; return true; }
    *out = malloc(*n + 1);
    if (!*out) { vm_raise_nomem(vm); return false; }
    memcpy(*out, p, *n);
    return true;
}

static Value bytes_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "bytes", args, nargs, kwnames, names, 0, 0, out)) return VNULL;
    unsigned char *data;
    size_t n;
    bool nothing;
    if (out[0] && v_is_type(out[0], &type_bytes) && !out[1] && t == &type_bytes) return out[0];
    if (!fill_from(vm, out[0], out[1], out[2], &data, &n, &nothing)) return VNULL;
    Value r = bytes_new(vm, data ? (const char *)data : "", n);
    free(data);
    if (!r || t == &type_bytes) return r;
    /* subclass */
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    size_t base = (sizeof(Bytes) + n + 1 + 7) & ~(size_t)7;
    Bytes *b = gc_alloc(vm, t, base + sizeof(AttrArea) + t->inline_slots * sizeof(Value));
    ROOTS_RESET(vm);
    if (!b) return VNULL;
    b->hash = -1;
    b->len = (int64_t)n;
    memcpy(b->data, AS(Bytes, r)->data, n + 1);
    obj_attrs(v_from_ptr(b))->shape = t->root_shape;
    return v_from_ptr(b);
}

static Value bytearray_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    if (t == &type_bytearray) return bytearray_new(vm, "", 0);
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    RawBuf *r = rawbuf_new(vm, 16);
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    AS(ByteArray, o)->buf = v_from_ptr(r);
    return o;
}

static int bytearray_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "bytearray", args, nargs, kwnames, names, 0, 0, out)) return -1;
    unsigned char *data;
    size_t n;
    bool nothing;
    if (!fill_from(vm, out[0], out[1], out[2], &data, &n, &nothing)) return -1;
    bool ok = ba_set_range(vm, self, 0, ba_len(vm, AS(ByteArray, self)), data, n);
    free(data);
    return ok ? 0 : -1;
}

static const MethodDef common_methods[] = {
    {"decode", m_decode, 1, -1, MF_KW, NULL}, {"hex", m_hex, 1, 3, 0, NULL},
    {"fromhex", m_fromhex, 2, 2, MF_CLASS, NULL},
    {"find", m_find, 2, 4, 0, NULL}, {"rfind", m_rfind, 2, 4, 0, NULL}, {"index", m_index, 2, 4, 0, NULL},
    {"rindex", m_rindex, 2, 4, 0, NULL}, {"count", m_count, 2, 4, 0, NULL},
    {"startswith", m_startswith, 2, 4, 0, NULL}, {"endswith", m_endswith, 2, 4, 0, NULL},
    {"strip", m_strip, 1, 2, 0, NULL}, {"lstrip", m_lstrip, 1, 2, 0, NULL}, {"rstrip", m_rstrip, 1, 2, 0, NULL},
    {"split", m_split, 1, -1, MF_KW, NULL}, {"join", m_join, 2, 2, 0, NULL}, {"replace", m_replace, 3, 4, 0, NULL},
    {"upper", m_upper, 1, 1, 0, NULL}, {"lower", m_lower, 1, 1, 0, NULL}, {"swapcase", m_swapcase, 1, 1, 0, NULL},
    {"capitalize", m_capitalize, 1, 1, 0, NULL}, {"title", m_title, 1, 1, 0, NULL},
    {"isdigit", m_isdigit, 1, 1, 0, NULL}, {"isalpha", m_isalpha, 1, 1, 0, NULL}, {"isalnum", m_isalnum, 1, 1, 0, NULL},
    {"isspace", m_isspace, 1, 1, 0, NULL}, {"isupper", m_isupper, 1, 1, 0, NULL}, {"islower", m_islower, 1, 1, 0, NULL},
    {"isascii", m_isascii, 1, 1, 0, NULL},
    {"partition", m_partition, 2, 2, 0, NULL}, {"rpartition", m_rpartition, 2, 2, 0, NULL},
    {"ljust", m_ljust, 2, 3, 0, NULL}, {"rjust", m_rjust, 2, 3, 0, NULL}, {"center", m_center, 2, 3, 0, NULL},
    {"removeprefix", m_removeprefix, 2, 2, 0, NULL}, {"removesuffix", m_removesuffix, 2, 2, 0, NULL},
    {"splitlines", m_splitlines, 1, 2, 0, NULL}, {"__getitem__", m_getitem, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef bytes_only_methods[] = {
    {"__getnewargs__", m_getnewargs, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef bytearray_methods[] = {
    {"append", ba_append, 2, 2, 0, NULL}, {"extend", ba_extend, 2, 2, 0, NULL}, {"pop", ba_pop, 1, 2, 0, NULL},
    {"insert", ba_insert, 3, 3, 0, NULL}, {"remove", ba_remove, 2, 2, 0, NULL}, {"clear", ba_clear, 1, 1, 0, NULL},
    {"copy", ba_copy, 1, 1, 0, NULL}, {"reverse", ba_reverse, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }
static int bytes_bool(VM *vm, Value v) { return bytes_len_slot(vm, v) != 0; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_rawbuf = { .base = STATIC_HDR, .name = "rawbuf", .basicsize = sizeof(RawBuf) };
Type type_bytes = {
    .base = STATIC_HDR, .name = "bytes", .basicsize = sizeof(Bytes), .flags = TF_BASETYPE | TF_VAR_LAYOUT,
    .tp_new = bytes_new_fn, .tp_repr = bytes_repr_slot, .tp_hash = bytes_hash, .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter, .tp_len = bytes_len_slot, .tp_getitem = bytes_getitem, .tp_contains = bytes_contains,
    .tp_bool = bytes_bool, .nb = {[NB_ADD] = bytes_concat, [NB_MUL] = bytes_repeat},
};
Type type_bytearray = {
    .base = STATIC_HDR, .name = "bytearray", .basicsize = sizeof(ByteArray), .flags = TF_BASETYPE,
    .trace = bytearray_trace, .tp_new = bytearray_new_fn, .tp_init = bytearray_init_fn, .tp_repr = bytes_repr_slot,
    .tp_richcompare = bytes_richcompare, .tp_iter = bytes_iter, .tp_len = bytes_len_slot,
    .tp_getitem = bytes_getitem, .tp_setitem = ba_setitem, .tp_contains = bytes_contains, .tp_bool = bytes_bool,
    .nb = {[NB_ADD] = bytes_concat, [NB_MUL] = bytes_repeat}, .nb_inplace = {[NB_ADD] = ba_iadd},
};
Type type_bytes_iter = { .base = STATIC_HDR, .name = "bytes_iterator", .basicsize = sizeof(BytesIter),
                         .trace = bytesiter_trace, .tp_iter = self_iter, .tp_iternext = bytesiter_next };

void bytes_init_types(void) {
    type_ready(&type_rawbuf);
    type_ready(&type_bytes);
    type_add_methods(&type_bytes, common_methods);
    type_add_methods(&type_bytes, bytes_only_methods);
    type_ready(&type_bytearray);
    type_add_methods(&type_bytearray, common_methods);
    type_add_methods(&type_bytearray, bytearray_methods);
    type_set_attr_static(&type_bytearray, "__hash__", V_NONE);
    type_ready(&type_bytes_iter);
}
