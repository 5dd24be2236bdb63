/* bytes.c - bytes (immutable) and bytearray (mutable).
 *
 * Every method is written once over a (pointer, length) view of the
 * receiver and returns objects of the receiver's kind (plain bytes or
 * bytearray, as CPython does for subclasses too).  Arguments are converted
 * first (conversions may run Python code: __index__, iteration), views are
 * taken after, and a view is not used across anything that can run Python
 * code or mutate the receiver.
 *
 * A bytearray keeps its length and a pointer to a RawBuf as STM words; the
 * buffer's bytes are written in place only when the buffer is private to
 * the running transaction (or no transaction runs); otherwise a mutation
 * first copies the buffer (copy-on-write), so concurrent readers keep a
 * consistent snapshot.  Error messages are CPython 3.11's.
 */
#include "vm.h"
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
    if (cap < 0 || (uint64_t)cap > (SIZE_MAX >> 2)) { vm_raise_nomem(vm); return NULL; }
    RawBuf *r = gc_alloc(vm, &type_rawbuf, sizeof(RawBuf) + (size_t)cap + 1);
    if (r) r->cap = cap;
    return r;
}

Value bytearray_new(VM *vm, const void *data, size_t len) {
    RawBuf *r = rawbuf_new(vm, (int64_t)len < 16 ? 16 : (int64_t)len);
    if (!r) return VNULL;
    if (len) memcpy(r->data, data, len);
    ByteArray *b = gc_alloc(vm, &type_bytearray, sizeof(ByteArray));
    if (!b) return VNULL;
    b->len = len;
    b->buf = v_from_ptr(r);
    return v_from_ptr(b);
}

static inline bool is_bytearray(Value v) {
    if (!v_is_obj(v)) return false;
    Type *t = OBJ(v)->type;
    return t == &type_bytearray || (t != &type_bytes && type_is_subtype(t, &type_bytearray));
}
static inline bool is_bytes(Value v) {
    if (!v_is_obj(v)) return false;
    Type *t = OBJ(v)->type;
    return t == &type_bytes || (t != &type_bytearray && type_is_subtype(t, &type_bytes));
}

static inline RawBuf *ba_buf(VM *vm, ByteArray *b) { return (RawBuf *)v_ptr(RD(vm, b, b->buf)); }
static inline int64_t ba_len(VM *vm, ByteArray *b) { return RDW(vm, b, b->len); }

/* A view of bytes-like data (bytes, bytearray and their subclasses). */
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

/* bytes_like, or TypeError "a bytes-like object is required, not 'T'". */
static bool need_buffer(VM *vm, Value v, const unsigned char **p, size_t *n) {
    if (bytes_like(vm, v, p, n)) return true;
    vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(v)->name);
    return false;
}

/* The buffer of b, writable by this transaction, with room for `need` bytes. */
static RawBuf *ba_writable(VM *vm, ByteArray *b, int64_t need) {
    RawBuf *r = ba_buf(vm, b);
    bool mine = vm->tx.direct || r->hdr.stm.owner == vm->tx.id;
    if (mine && need <= r->cap) return r;
    int64_t len = ba_len(vm, b);
    int64_t cap = need > r->cap ? need + need / 2 + 8 : r->cap;
    RawBuf *nr = rawbuf_new(vm, cap);
    if (!nr) return NULL;
    r = ba_buf(vm, b);
    memcpy(nr->data, r->data, (size_t)len);
    WR(vm, b, b->buf, v_from_ptr(nr));
    return nr;
}

/* Replace bytes [lo, hi) of the bytearray by src[0..m) (src may point into
 * the bytearray itself). */
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

static Value make_like(VM *vm, Value self, const void *p, size_t n) {
    return is_bytearray(self) ? bytearray_new(vm, p, n) : bytes_new(vm, p, n);
}

/* ---- small helpers ---- */
static const char *arg_tname(Value v) { return v == V_NONE ? "None" : v_type(v)->name; }

static inline bool b_isspace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool b_islower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool b_isupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool b_isdigit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool b_isalpha(unsigned char c) { return b_islower(c) || b_isupper(c); }
static inline unsigned char b_lower(unsigned char c) { return b_isupper(c) ? (unsigned char)(c + 32) : c; }
static inline unsigned char b_upper(unsigned char c) { return b_islower(c) ? (unsigned char)(c - 32) : c; }

/* CPython's old-style arity messages: "f() takes at least 1 argument (0 given)". */
static bool arity(VM *vm, const char *fname, int given, int min, int max) {
    if (given < min) {
        vm_raise(vm, &exc_TypeError, "%s() takes at least %d argument%s (%d given)", fname, min, min == 1 ? "" : "s", given);
        return false;
    }
    if (max >= 0 && given > max) {
        vm_raise(vm, &exc_TypeError, "%s() takes at most %d argument%s (%d given)", fname, max, max == 1 ? "" : "s", given);
        return false;
    }
    return true;
}

/* A start/end argument (_PyEval_SliceIndex): None keeps *out; huge values clamp. */
static bool slice_index(VM *vm, Value v, int64_t *out) {
    if (v == V_NONE) return true;
    if (v_is_int(v)) { *out = v_int(v); return true; }
    if (!v_is_intlike(v) && !v_type(v)->nb_index) {
        vm_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    Value iv = vm_index(vm, v);
    if (!iv) return false;
    if (!int_to_i64(iv, out)) *out = int_sign(iv) < 0 ? INT64_MIN / 4 : INT64_MAX / 4;
    return true;
}

/* An integer argument through __index__, as a C ssize_t (bits = 64) or
 * int (bits = 32) parameter: CPython's OverflowError when it does not fit. */
static bool int_arg(VM *vm, Value v, int64_t *out, int bits) {
    if (v_is_int(v) && bits == 64) { *out = v_int(v); return true; }
    Value iv = vm_index(vm, v);
    if (!iv) return false;
    if (int_to_i64(iv, out) && (bits == 64 || (*out >= INT32_MIN && *out <= INT32_MAX))) return true;
    vm_raise(vm, &exc_OverflowError, bits == 64 ? "Python int too large to convert to C ssize_t"
                                                : "Python int too large to convert to C int");
    return false;
}
static bool index_arg(VM *vm, Value v, int64_t *out) { return int_arg(vm, v, out, 64); }

/* The start/end arguments args[first], args[first+1] (optional). */
static bool range_args(VM *vm, Value *args, int nargs, int first, int64_t *lo, int64_t *hi) {
    *lo = 0;
    *hi = INT64_MAX / 4;
    if (nargs > first && !slice_index(vm, args[first], lo)) return false;
    if (nargs > first + 1 && !slice_index(vm, args[first + 1], hi)) return false;
    return true;
}

/* ADJUST_INDICES of CPython's stringlib. */
static void adjust_indices(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}

/* Offset of the first occurrence of nd[0..m) in h[from..to), or -1. */
static int64_t mem_find(const unsigned char *h, int64_t from, int64_t to, const unsigned char *nd, int64_t m) {
    if (m == 0) return from <= to ? from : -1;
    if (to - from < m) return -1;
    if (m == 1) {
        const unsigned char *r = memchr(h + from, nd[0], (size_t)(to - from));
        return r ? r - h : -1;
    }
    const unsigned char *p = h + from, *last = h + to - m;
    while (p <= last) {
        p = memchr(p, nd[0], (size_t)(last - p + 1));
        if (!p) return -1;
        if (p[m - 1] == nd[m - 1] && memcmp(p, nd, (size_t)m) == 0) return p - h;
        p++;
    }
    return -1;
}

/* Offset of the last occurrence of nd[0..m) in h[from..to), or -1. */
static int64_t mem_rfind(const unsigned char *h, int64_t from, int64_t to, const unsigned char *nd, int64_t m) {
    if (m == 0) return from <= to ? to : -1;
    for (int64_t i = to - m; i >= from; i--)
        if (h[i] == nd[0] && memcmp(h + i, nd, (size_t)m) == 0) return i;
    return -1;
}

/* ---- repr, hash, compare ---- */
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
        /* bytearray's repr escapes ' even inside double quotes, as CPython's */
        if (c == (unsigned char)q || c == '\\' || (bytearray && c == '\'')) { sb_putc(&sb, '\\'); sb_putc(&sb, (char)c); }
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

/* ---- sequence protocol ---- */
static Value bytes_getitem(VM *vm, Value self, Value key) {
    const unsigned char *p;
    size_t n;
    if (v_is_int(key)) {
        bytes_like(vm, self, &p, &n);
        int64_t i = v_int(key);
        if (i < 0) i += (int64_t)n;
        if (i < 0 || i >= (int64_t)n)
            return vm_raise(vm, &exc_IndexError, "%s", is_bytearray(self) ? "bytearray index out of range" : "index out of range");
        return v_from_small(p[i]);
    }
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        bytes_like(vm, self, &p, &n);
        if (!slice_indices(vm, key, (int64_t)n, &start, &stop, &step, &len)) return VNULL;
        bytes_like(vm, self, &p, &n);
        if (step == 1) return make_like(vm, self, p + start, (size_t)len);
        unsigned char *tmp = malloc((size_t)len + 1);
        if (!tmp) return vm_raise_nomem(vm);
        for (int64_t i = 0, j = start; i < len; i++, j += step) tmp[i] = p[j];
        Value r = make_like(vm, self, tmp, (size_t)len);
        free(tmp);
        return r;
    }
    if (!v_is_intlike(key) && !v_type(key)->nb_index)
        return vm_raise(vm, &exc_TypeError, "%s indices must be integers or slices, not %s",
                        is_bytearray(self) ? "bytearray" : "byte", v_type(key)->name);
    int64_t i;
    if (!vm_index_i64(vm, key, &i, &exc_IndexError)) return VNULL;
    bytes_like(vm, self, &p, &n);
    if (i < 0) i += (int64_t)n;
    if (i < 0 || i >= (int64_t)n)
        return vm_raise(vm, &exc_IndexError, "%s", is_bytearray(self) ? "bytearray index out of range" : "index out of range");
    return v_from_small(p[i]);
}

/* A byte value argument (int via __index__ in range(256)). */
static bool byte_value(VM *vm, Value v, unsigned char *out) {
    int64_t c;
    if (!v_is_intlike(v) && !v_type(v)->nb_index) {
        vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(v)->name);
        return false;
    }
    if (!vm_index_i64(vm, v, &c, NULL)) {
        if (!vm_exc_matches(vm, &exc_OverflowError)) return false;
        vm_exc_clear(vm);
        c = -1;
    }
    if (c < 0 || c > 255) {
        vm_raise(vm, &exc_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (unsigned char)c;
    return true;
}

/* The sub argument of find/count/index (bytes-like or a byte value); for an
 * int the byte is stored in *byte and the view points at it. */
static bool sub_arg(VM *vm, Value v, const unsigned char **p, size_t *n, unsigned char *byte) {
    if (bytes_like(vm, v, p, n)) return true;
    if (!v_is_intlike(v) && !v_type(v)->nb_index) {
        vm_raise(vm, &exc_TypeError, "argument should be integer or bytes-like object, not '%s'", v_type(v)->name);
        return false;
    }
    if (!byte_value(vm, v, byte)) return false;
    *p = byte;
    *n = 1;
    return true;
}

static int bytes_contains(VM *vm, Value self, Value x) {
    const unsigned char *p, *s;
    size_t n, sn;
    if (!bytes_like(vm, x, &s, &sn)) {
        if (!v_is_intlike(x) && !v_type(x)->nb_index) {
            vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(x)->name);
            return -1;
        }
        unsigned char c;
        if (!byte_value(vm, x, &c)) return -1;
        bytes_like(vm, self, &p, &n);
        return n && memchr(p, c, n) != NULL;
    }
    bytes_like(vm, self, &p, &n);
    return mem_find(p, 0, (int64_t)n, s, (int64_t)sn) >= 0;
}

static Value bytes_concat(VM *vm, Value a, Value b) {
    const unsigned char *x, *y;
    size_t nx, ny;
    if (!bytes_like(vm, a, &x, &nx)) return V_NOTIMPL;
    if (!bytes_like(vm, b, &y, &ny))
        return vm_raise(vm, &exc_TypeError, "can't concat %s to %s", v_type(b)->name, v_type(a)->name);
    if (nx + ny < nx) return vm_raise_nomem(vm);
    Value r = make_like(vm, a, "", 0);
    if (!r) return VNULL;
    if (is_bytearray(a)) {
        bytes_like(vm, a, &x, &nx);
        bytes_like(vm, b, &y, &ny);
        if (!ba_set_range(vm, r, 0, 0, x, nx)) return VNULL;
        bytes_like(vm, b, &y, &ny);
        return ba_set_range(vm, r, (int64_t)nx, (int64_t)nx, y, ny) ? r : VNULL;
    }
    Bytes *nb = gc_alloc(vm, &type_bytes, sizeof(Bytes) + nx + ny + 1);
    if (!nb) return VNULL;
    bytes_like(vm, a, &x, &nx);
    bytes_like(vm, b, &y, &ny);
    nb->hash = -1;
    nb->len = (int64_t)(nx + ny);
    memcpy(nb->data, x, nx);
    memcpy(nb->data + nx, y, ny);
    nb->data[nx + ny] = 0;
    return v_from_ptr(nb);
}

/* The repeat count of seq * k, or false (TypeError/OverflowError). */
static bool repeat_count(VM *vm, Value k, int64_t *c) {
    if (!vm_index_i64(vm, k, c, &exc_OverflowError)) {
        if (vm_exc_matches(vm, &exc_OverflowError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_OverflowError, "cannot fit '%s' into an index-sized integer", v_type(k)->name);
        }
        return false;
    }
    return true;
}

static Value repeat_bytes(VM *vm, Value s, int64_t c) {
    const unsigned char *p;
    size_t n;
    bytes_like(vm, s, &p, &n);
    if (c <= 0 || n == 0) return make_like(vm, s, "", 0);
    if ((int64_t)n > (INT64_C(1) << 40) / c) return vm_raise_nomem(vm);
    size_t total = n * (size_t)c;
    unsigned char *tmp = malloc(total + 1);
    if (!tmp) return vm_raise_nomem(vm);
    bytes_like(vm, s, &p, &n);
    memcpy(tmp, p, n);
    size_t done = n;
    while (done < total) {
        size_t k = done < total - done ? done : total - done;
        memcpy(tmp + done, tmp, k);
        done += k;
    }
    Value r = make_like(vm, s, tmp, total);
    free(tmp);
    return r;
}

static Value bytes_repeat(VM *vm, Value a, Value b) {
    bool left = is_bytes(a) || is_bytearray(a);
    Value s = left ? a : b, k = left ? b : a;
    if (!v_is_intlike(k) && !v_type(k)->nb_index) {
        /* CPython tries the other operand's numeric slot before the sequence repeat */
        BinaryFn other = v_type(k)->nb[NB_MUL];
        bool seq = IS_STR(k) || IS_LIST(k) || IS_TUPLE(k) || is_bytes(k) || is_bytearray(k);
        if (left && other && !seq) {
            Value r = other(vm, a, b);
            if (r != V_NOTIMPL) return r;
        }
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(k)->name);
    }
    int64_t c;
    if (!repeat_count(vm, k, &c)) return VNULL;
    return repeat_bytes(vm, s, c);
}

static Value bytes_mod(VM *vm, Value a, Value b) {
    if (!is_bytes(a) && !is_bytearray(a)) return V_NOTIMPL;
    Value r = bytes_percent_format(vm, a, b);
    if (!r || !is_bytearray(a)) return r;
    return bytearray_new(vm, AS(Bytes, r)->data, (size_t)AS(Bytes, r)->len);
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
/* Iterator state goes through the barriers (see list.c). */
static Value bytesiter_next(VM *vm, Value self) {
    BytesIter *it = AS(BytesIter, self);
    Value b = RD(vm, it, it->b);
    if (!b) return VNULL;
    const unsigned char *p;
    size_t n;
    bytes_like(vm, b, &p, &n);
    int64_t i = RDW(vm, it, it->i);
    if (i < (int64_t)n) {
        WRW(vm, it, it->i, i + 1);
        return v_from_small(p[i]);
    }
    WR(vm, it, it->b, VNULL);
    return VNULL;
}

/* ======================= methods ======================= */
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define SELF args[0]
#define VIEW(v, p, n) const unsigned char *p; size_t n; bytes_like(vm, v, &p, &n)

/* A str argument of a clinic-parsed method: "f() argument 'name' must be str, not T". */
static bool str_param(VM *vm, const char *fname, const char *pname, Value v) {
    if (!v || IS_STR(v)) return true;
    vm_raise(vm, &exc_TypeError, "%s() argument '%s' must be str, not %s", fname, pname, arg_tname(v));
    return false;
}

M(m_decode) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "decode", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    if (!str_param(vm, "decode", "encoding", out[0]) || !str_param(vm, "decode", "errors", out[1])) return VNULL;
    VIEW(SELF, p, n);
    return codec_decode(vm, p, n, out[0], out[1]);
}

M(m_hex) {
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "hex", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t per = 1;
    if (out[1] && !int_arg(vm, out[1], &per, 32)) return VNULL;
    char sep = 0;
    if (out[0]) {
        const unsigned char *sp;
        size_t sn;
        int64_t len;
        if (IS_STR(out[0])) len = AS(Str, out[0])->nchars;
        else if (bytes_like(vm, out[0], &sp, &sn)) len = (int64_t)sn;
        else if (v_type(out[0])->tp_len) len = -1;
        else return vm_raise(vm, &exc_TypeError, "object of type '%s' has no len()", v_type(out[0])->name);
        if (len != 1) {
            if (len < 0) return vm_raise(vm, &exc_TypeError, "sep must be str or bytes.");
            return vm_raise(vm, &exc_ValueError, "sep must be length 1.");
        }
        unsigned c;
        if (IS_STR(out[0])) c = str_char_at(out[0], 0);
        else if (is_bytes(out[0])) c = AS(Bytes, out[0])->data[0];
        else return vm_raise(vm, &exc_TypeError, "sep must be str or bytes.");
        if (c > 127) return vm_raise(vm, &exc_ValueError, "sep must be ASCII.");
        sep = (char)c;
    } else {
        per = 0;
    }
    VIEW(SELF, p, n);
    static const char hx[] = "0123456789abcdef";
    uint64_t group = per < 0 ? (uint64_t)(-(per + 1)) + 1 : (uint64_t)per;
    size_t nseps = group && n ? (size_t)((n - 1) / group) : 0;
    size_t total = n * 2 + nseps;
    char *buf = malloc(total + 1);
    if (!buf) return vm_raise_nomem(vm);
    if (!nseps) {
        for (size_t i = 0; i < n; i++) { buf[2 * i] = hx[p[i] >> 4]; buf[2 * i + 1] = hx[p[i] & 15]; }
    } else if (per < 0) {
        size_t j = 0;
        for (size_t i = 0; i < n; i++) {
            if (i && i % group == 0) buf[j++] = sep;
            buf[j++] = hx[p[i] >> 4];
            buf[j++] = hx[p[i] & 15];
        }
    } else {
        size_t j = total;
        for (size_t k = 0; k < n; k++) {
            size_t i = n - 1 - k;
            if (k && k % group == 0) buf[--j] = sep;
            buf[--j] = hx[p[i] & 15];
            buf[--j] = hx[p[i] >> 4];
        }
    }
    Value r = str_new_ascii_or_utf8(vm, buf, total, (int64_t)total);
    free(buf);
    return r;
}

static int hexdigit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

M(m_fromhex) {
    (void)nargs; (void)kw;
    Value s = args[1];
    if (!IS_STR(s)) return vm_raise(vm, &exc_TypeError, "fromhex() argument must be str, not %s", arg_tname(s));
    const unsigned char *p = (const unsigned char *)str_cstr(s);
    int64_t len = str_len(s);
    if (AS(Str, s)->nchars != len) {
        int64_t i = 0;
        while (p[i] < 0x80) i++;
        return vm_raise(vm, &exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld", (long long)i);
    }
    unsigned char *buf = malloc((size_t)len / 2 + 1);
    if (!buf) return vm_raise_nomem(vm);
    size_t n = 0;
    for (int64_t i = 0; i < len;) {
        if (b_isspace(p[i])) { i++; continue; }
        int hi = hexdigit(p[i]), lo = i + 1 < len ? hexdigit(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            free(buf);
            return vm_raise(vm, &exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %lld",
                            (long long)(hi < 0 ? i : i + 1));
        }
        buf[n++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    Value cls = args[0];
    Value r = v_isinstance_of(cls, &type_type) && type_is_subtype(AS(Type, cls), &type_bytearray)
                  ? bytearray_new(vm, buf, n) : bytes_new(vm, buf, n);
    free(buf);
    if (r && cls != v_from_ptr(&type_bytes) && cls != v_from_ptr(&type_bytearray)) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, r);
        r = vm_call1(vm, cls, r);
        ROOTS_RESET(vm);
    }
    return r;
}

static Value find_impl(VM *vm, Value *args, int nargs, const char *fname, bool rev, bool raise) {
    if (!arity(vm, fname, nargs - 1, 1, 3)) return VNULL;
    int64_t lo, hi;
    if (!range_args(vm, args, nargs, 2, &lo, &hi)) return VNULL;
    const unsigned char *s;
    size_t sn;
    unsigned char b;
    if (!sub_arg(vm, args[1], &s, &sn, &b)) return VNULL;
    VIEW(SELF, p, n);
    adjust_indices(&lo, &hi, (int64_t)n);
    int64_t r = -1;
    if (hi - lo >= (int64_t)sn) r = rev ? mem_rfind(p, lo, hi, s, (int64_t)sn) : mem_find(p, lo, hi, s, (int64_t)sn);
    if (r < 0 && raise) return vm_raise(vm, &exc_ValueError, "subsection not found");
    return v_from_small(r);
}
M(m_find) { (void)kw; return find_impl(vm, args, nargs, "find", false, false); }
M(m_rfind) { (void)kw; return find_impl(vm, args, nargs, "rfind", true, false); }
M(m_index) { (void)kw; return find_impl(vm, args, nargs, "index", false, true); }
M(m_rindex) { (void)kw; return find_impl(vm, args, nargs, "rindex", true, true); }

M(m_count) {
    (void)kw;
    if (!arity(vm, "count", nargs - 1, 1, 3)) return VNULL;
    int64_t lo, hi;
    if (!range_args(vm, args, nargs, 2, &lo, &hi)) return VNULL;
    const unsigned char *s;
    size_t sn;
    unsigned char b;
    if (!sub_arg(vm, args[1], &s, &sn, &b)) return VNULL;
    VIEW(SELF, p, n);
    adjust_indices(&lo, &hi, (int64_t)n);
    if (lo > (int64_t)n || hi < lo) return v_from_small(0);
    if (sn == 0) return v_from_small(hi - lo + 1);
    int64_t c = 0;
    for (int64_t i = lo; (i = mem_find(p, i, hi, s, (int64_t)sn)) >= 0; i += (int64_t)sn) c++;
    return v_from_small(c);
}

static int tailmatch(const unsigned char *p, int64_t len, const unsigned char *s, int64_t slen, int64_t start,
                     int64_t end, bool ends) {
    adjust_indices(&start, &end, len);
    if (!ends) {
        if (start > len - slen) return 0;
    } else {
        if (end - start < slen || start > len) return 0;
        if (end - slen > start) start = end - slen;
    }
    if (end - start < slen) return 0;
    return memcmp(p + start, s, (size_t)slen) == 0;
}

static Value startsends(VM *vm, Value *args, int nargs, bool ends) {
    const char *fname = ends ? "endswith" : "startswith";
    if (!arity(vm, fname, nargs - 1, 1, 3)) return VNULL;
    int64_t lo, hi;
    if (!range_args(vm, args, nargs, 2, &lo, &hi)) return VNULL;
    Value pre = args[1];
    bool tuple = IS_TUPLE(pre);
    int64_t np = tuple ? tuple_len(pre) : 1;
    for (int64_t k = 0; k < np; k++) {
        Value x = tuple ? tuple_items(pre)[k] : pre;
        const unsigned char *s;
        size_t sn;
        if (!bytes_like(vm, x, &s, &sn)) {
            if (tuple) return vm_raise(vm, &exc_TypeError, "a bytes-like object is required, not '%s'", v_type(x)->name);
            return vm_raise(vm, &exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", fname,
                            v_type(x)->name);
        }
        VIEW(SELF, p, n);
        if (tailmatch(p, (int64_t)n, s, (int64_t)sn, lo, hi, ends)) return V_TRUE;
    }
    return V_FALSE;
}
M(m_startswith) { (void)kw; return startsends(vm, args, nargs, false); }
M(m_endswith) { (void)kw; return startsends(vm, args, nargs, true); }

static Value strip_impl(VM *vm, Value *args, int nargs, int which) {
    const unsigned char *chars = NULL;
    size_t cn = 0;
    if (nargs > 1 && args[1] != V_NONE && !need_buffer(vm, args[1], &chars, &cn)) return VNULL;
    VIEW(SELF, p, n);
    bool set[256];
    if (chars) {
        memset(set, 0, sizeof set);
        for (size_t i = 0; i < cn; i++) set[chars[i]] = true;
    }
    size_t lo = 0, hi = n;
    if (which & 1) while (lo < hi && (chars ? set[p[lo]] : b_isspace(p[lo]))) lo++;
    if (which & 2) while (hi > lo && (chars ? set[p[hi - 1]] : b_isspace(p[hi - 1]))) hi--;
    if (lo == 0 && hi == n && v_type(SELF) == &type_bytes) return SELF;
    return make_like(vm, SELF, p + lo, hi - lo);
}
M(m_strip) { (void)kw; return strip_impl(vm, args, nargs, 3); }
M(m_lstrip) { (void)kw; return strip_impl(vm, args, nargs, 1); }
M(m_rstrip) { (void)kw; return strip_impl(vm, args, nargs, 2); }

/* Append the piece p[from..to) of self (of self's kind) to the list res.
 * Only allocation happens between the view and its use, so p stays valid. */
static bool add_piece(VM *vm, Value res, bool array, const unsigned char *p, size_t from, size_t to) {
    Value w = array ? bytearray_new(vm, p + from, to - from) : bytes_new(vm, p + from, to - from);
    return w && list_append(vm, res, w);
}

static void list_reverse_items(VM *vm, Value l) {
    int64_t m = list_len(vm, l);
    for (int64_t a = 0, b = m - 1; a < b; a++, b--) {
        Value t = list_get(vm, l, a);
        list_set(vm, l, a, list_get(vm, l, b));
        list_set(vm, l, b, t);
    }
}

static Value split_impl(VM *vm, Value *args, int nargs, Value kw, bool right) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value out[2];
    if (!vm_parse_args(vm, right ? "rsplit" : "split", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t maxsplit = -1;
    if (out[1] && !index_arg(vm, out[1], &maxsplit)) return VNULL;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    const unsigned char *s = NULL;
    size_t sn = 0;
    if (out[0] && out[0] != V_NONE) {
        if (!need_buffer(vm, out[0], &s, &sn)) return VNULL;
        if (sn == 0) return vm_raise(vm, &exc_ValueError, "empty separator");
    }
    Value res = list_new(vm, 0);
    if (!res) return VNULL;
    const unsigned char *sep = s;
    bool ok = true, array = is_bytearray(SELF);
    VIEW(SELF, p, n);
    if (!sep) {
        if (!right) {
            size_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && b_isspace(p[i])) i++;
                if (i == n) break;
                size_t j = i;
                while (i < n && !b_isspace(p[i])) i++;
                if (!(ok = add_piece(vm, res, array, p, j, i))) break;
            }
            if (ok && i < n) {
                while (i < n && b_isspace(p[i])) i++;
                if (i != n) ok = add_piece(vm, res, array, p, i, n);
            }
        } else {
            int64_t i = (int64_t)n - 1;
            while (maxsplit-- > 0) {
                while (i >= 0 && b_isspace(p[i])) i--;
                if (i < 0) break;
                int64_t j = i;
                while (i >= 0 && !b_isspace(p[i])) i--;
                if (!(ok = add_piece(vm, res, array, p, (size_t)(i + 1), (size_t)(j + 1)))) break;
            }
            if (ok && i >= 0) {
                while (i >= 0 && b_isspace(p[i])) i--;
                if (i >= 0) ok = add_piece(vm, res, array, p, 0, (size_t)(i + 1));
            }
        }
    } else if (!right) {
        int64_t i = 0;
        while (maxsplit-- > 0) {
            int64_t j = mem_find(p, i, (int64_t)n, sep, (int64_t)sn);
            if (j < 0) break;
            if (!(ok = add_piece(vm, res, array, p, (size_t)i, (size_t)j))) break;
            i = j + (int64_t)sn;
        }
        if (ok) ok = add_piece(vm, res, array, p, (size_t)i, n);
    } else {
        int64_t i = (int64_t)n;
        while (maxsplit-- > 0) {
            int64_t j = mem_rfind(p, 0, i, sep, (int64_t)sn);
            if (j < 0) break;
            if (!(ok = add_piece(vm, res, array, p, (size_t)j + sn, (size_t)i))) break;
            i = j;
        }
        if (ok) ok = add_piece(vm, res, array, p, 0, (size_t)i);
    }
    if (!ok) return VNULL;
    if (right) list_reverse_items(vm, res);
    return res;
}
M(m_split) { return split_impl(vm, args, nargs, kw, false); }
M(m_rsplit) { return split_impl(vm, args, nargs, kw, true); }

M(m_splitlines) {
    static const char *const names[] = {"keepends", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "splitlines", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t keep = 0;
    if (out[0] && !int_arg(vm, out[0], &keep, 32)) return VNULL;
    Value res = list_new(vm, 0);
    if (!res) return VNULL;
    bool array = is_bytearray(SELF);
    VIEW(SELF, p, n);
    size_t i = 0, start = 0;
    while (i < n) {
        if (p[i] == '\n' || p[i] == '\r') {
            size_t eol = i + 1;
            if (p[i] == '\r' && eol < n && p[eol] == '\n') eol++;
            if (!add_piece(vm, res, array, p, start, keep ? eol : i)) return VNULL;
            start = i = eol;
        } else i++;
    }
    if (start < n && !add_piece(vm, res, array, p, start, n)) return VNULL;
    return res;
}

M(m_join) {
    (void)nargs; (void)kw;
    Value it = args[1];
    if (!v_type(it)->tp_iter && !v_type(it)->tp_getitem)
        return vm_raise(vm, &exc_TypeError, "can only join an iterable");
    Value seq = IS_TUPLE(it) ? it : vm_sequence_to_tuple(vm, it);
    if (!seq) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, seq);
    int64_t cnt = tuple_len(seq);
    size_t total = 0;
    for (int64_t i = 0; i < cnt; i++) {
        const unsigned char *p;
        size_t n;
        if (!bytes_like(vm, tuple_items(seq)[i], &p, &n)) {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                            v_type(tuple_items(seq)[i])->name);
        }
        total += n;
    }
    VIEW(SELF, sp, sn);
    if (cnt > 1) total += sn * (size_t)(cnt - 1);
    unsigned char *buf = malloc(total + 1);
    if (!buf) { ROOTS_RESET(vm); return vm_raise_nomem(vm); }
    size_t w = 0;
    for (int64_t i = 0; i < cnt; i++) {
        const unsigned char *p;
        size_t n;
        bytes_like(vm, tuple_items(seq)[i], &p, &n);
        if (i && sn) { memcpy(buf + w, sp, sn); w += sn; }
        memcpy(buf + w, p, n);
        w += n;
    }
    Value r = make_like(vm, SELF, buf, w);
    free(buf);
    ROOTS_RESET(vm);
    return r;
}

M(m_replace) {
    (void)kw;
    int64_t count = -1;
    if (nargs > 3 && !index_arg(vm, args[3], &count)) return VNULL;
    if (count < 0) count = INT64_MAX;
    const unsigned char *o, *w;
    size_t on, wn;
    if (!need_buffer(vm, args[1], &o, &on) || !need_buffer(vm, args[2], &w, &wn)) return VNULL;
    VIEW(SELF, p, n);
    /* pass 1: the number of replacements */
    int64_t hits = 0;
    if (on == 0) hits = (int64_t)n + 1 < count ? (int64_t)n + 1 : count;
    else
        for (int64_t i = 0; hits < count && (i = mem_find(p, i, (int64_t)n, o, (int64_t)on)) >= 0; i += (int64_t)on) hits++;
    if (hits && wn > on && (uint64_t)hits > (uint64_t)((SIZE_MAX >> 2) - n) / (wn - on)) return vm_raise_nomem(vm);
    size_t total = n + (size_t)hits * wn - (size_t)hits * on;
    unsigned char *t = malloc(total + 1);
    if (!t) return vm_raise_nomem(vm);
    /* pass 2: copy */
    unsigned char *d = t;
    int64_t i = 0;
    for (int64_t k = 0; k < hits; k++) {
        int64_t j = on == 0 ? (k == 0 ? 0 : i + 1) : mem_find(p, i, (int64_t)n, o, (int64_t)on);
        if (on == 0 && k > 0) {
            *d++ = p[i];
        } else {
            memcpy(d, p + i, (size_t)(j - i));
            d += j - i;
        }
        memcpy(d, w, wn);
        d += wn;
        i = j + (int64_t)on;
    }
    memcpy(d, p + i, total - (size_t)(d - t));
    Value r = make_like(vm, SELF, t, total);
    free(t);
    return r;
}

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

static Value map_bytes(VM *vm, Value self, int mode) {
    VIEW(self, p, n);
    unsigned char *t = malloc(n + 1);
    if (!t) return vm_raise_nomem(vm);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        switch (mode) {
        case CASE_UPPER: t[i] = b_upper(c); break;
        case CASE_LOWER: t[i] = b_lower(c); break;
        case CASE_SWAP: t[i] = b_isupper(c) ? b_lower(c) : b_upper(c); break;
        case CASE_CAPITALIZE: t[i] = i == 0 ? b_upper(c) : b_lower(c); break;
        default:
            t[i] = prev_cased ? b_lower(c) : b_upper(c);
            prev_cased = b_isalpha(c);
        }
    }
    Value r = make_like(vm, self, t, n);
    free(t);
    return r;
}
M(m_upper) { (void)nargs; (void)kw; return map_bytes(vm, SELF, CASE_UPPER); }
M(m_lower) { (void)nargs; (void)kw; return map_bytes(vm, SELF, CASE_LOWER); }
M(m_swapcase) { (void)nargs; (void)kw; return map_bytes(vm, SELF, CASE_SWAP); }
M(m_capitalize) { (void)nargs; (void)kw; return map_bytes(vm, SELF, CASE_CAPITALIZE); }
M(m_title) { (void)nargs; (void)kw; return map_bytes(vm, SELF, CASE_TITLE); }

enum { P_DIGIT, P_ALPHA, P_ALNUM, P_SPACE, P_UPPER, P_LOWER, P_TITLE };

static Value pred(VM *vm, Value self, int which) {
    VIEW(self, p, n);
    if (n == 0) return V_FALSE;
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        switch (which) {
        case P_DIGIT: if (!b_isdigit(c)) return V_FALSE; break;
        case P_ALPHA: if (!b_isalpha(c)) return V_FALSE; break;
        case P_ALNUM: if (!b_isalpha(c) && !b_isdigit(c)) return V_FALSE; break;
        case P_SPACE: if (!b_isspace(c)) return V_FALSE; break;
        case P_UPPER: if (b_islower(c)) return V_FALSE; if (b_isupper(c)) cased = true; break;
        case P_LOWER: if (b_isupper(c)) return V_FALSE; if (b_islower(c)) cased = true; break;
        default:
            if (b_isupper(c)) {
                if (prev_cased) return V_FALSE;
                prev_cased = cased = true;
            } else if (b_islower(c)) {
                if (!prev_cased) return V_FALSE;
                prev_cased = cased = true;
            } else {
                prev_cased = false;
            }
        }
    }
    if (which >= P_UPPER) return v_bool(cased);
    return V_TRUE;
}
M(m_isdigit) { (void)nargs; (void)kw; return pred(vm, SELF, P_DIGIT); }
M(m_isalpha) { (void)nargs; (void)kw; return pred(vm, SELF, P_ALPHA); }
M(m_isalnum) { (void)nargs; (void)kw; return pred(vm, SELF, P_ALNUM); }
M(m_isspace) { (void)nargs; (void)kw; return pred(vm, SELF, P_SPACE); }
M(m_isupper) { (void)nargs; (void)kw; return pred(vm, SELF, P_UPPER); }
M(m_islower) { (void)nargs; (void)kw; return pred(vm, SELF, P_LOWER); }
M(m_istitle) { (void)nargs; (void)kw; return pred(vm, SELF, P_TITLE); }
M(m_isascii) {
    (void)nargs; (void)kw;
    VIEW(SELF, p, n);
    for (size_t i = 0; i < n; i++) if (p[i] >= 0x80) return V_FALSE;
    return V_TRUE;
}

static Value partition_impl(VM *vm, Value self, Value sepv, bool rev) {
    const unsigned char *s;
    size_t sn;
    if (!need_buffer(vm, sepv, &s, &sn)) return VNULL;
    if (sn == 0) return vm_raise(vm, &exc_ValueError, "empty separator");
    VIEW(self, p, n);
    int64_t j = rev ? mem_rfind(p, 0, (int64_t)n, s, (int64_t)sn) : mem_find(p, 0, (int64_t)n, s, (int64_t)sn);
    ROOTS_MARK(vm);
    Value part[3];
    size_t lo[3], hi[3];
    if (j < 0) {
        lo[0] = lo[1] = lo[2] = hi[1] = 0;
        hi[0] = rev ? 0 : n;
        hi[2] = rev ? n : 0;
    } else {
        lo[0] = 0; hi[0] = (size_t)j;
        lo[1] = (size_t)j; hi[1] = (size_t)j + sn;
        lo[2] = (size_t)j + sn; hi[2] = n;
    }
    for (int k = 0; k < 3; k++) {
        bytes_like(vm, self, &p, &n);
        if (j < 0 && hi[k] == n && n && v_type(self) == &type_bytes) part[k] = self;
        else if (j >= 0 && k == 1 && !is_bytearray(self)) part[k] = sepv;
        else part[k] = make_like(vm, self, p + lo[k], hi[k] - lo[k]);
        if (!part[k]) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, part[k]);
    }
    Value t = tuple_pack(vm, 3, part[0], part[1], part[2]);
    ROOTS_RESET(vm);
    return t;
}
M(m_partition) { (void)nargs; (void)kw; return partition_impl(vm, SELF, args[1], false); }
M(m_rpartition) { (void)nargs; (void)kw; return partition_impl(vm, SELF, args[1], true); }

static Value justify(VM *vm, Value *args, int nargs, const char *fname, int mode) {
    int64_t w;
    if (!index_arg(vm, args[1], &w)) return VNULL;
    unsigned char fill = ' ';
    if (nargs > 2) {
        const unsigned char *f;
        size_t fn;
        if (!bytes_like(vm, args[2], &f, &fn) || fn != 1)
            return vm_raise(vm, &exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname,
                            arg_tname(args[2]));
        fill = f[0];
    }
    VIEW(SELF, p, n);
    if (w <= (int64_t)n) return make_like(vm, SELF, p, n);
    if ((uint64_t)w > (SIZE_MAX >> 2)) return vm_raise_nomem(vm);
    int64_t extra = w - (int64_t)n, left = mode == 0 ? 0 : mode == 1 ? extra : extra / 2 + (extra & w & 1);
    unsigned char *t = malloc((size_t)w);
    if (!t) return vm_raise_nomem(vm);
    memset(t, fill, (size_t)w);
    memcpy(t + left, p, n);
    Value r = make_like(vm, SELF, t, (size_t)w);
    free(t);
    return r;
}
M(m_ljust) { (void)kw; return justify(vm, args, nargs, "ljust", 0); }
M(m_rjust) { (void)kw; return justify(vm, args, nargs, "rjust", 1); }
M(m_center) { (void)kw; return justify(vm, args, nargs, "center", 2); }

M(m_zfill) {
    (void)nargs; (void)kw;
    int64_t w;
    if (!index_arg(vm, args[1], &w)) return VNULL;
    VIEW(SELF, p, n);
    if (w <= (int64_t)n) return make_like(vm, SELF, p, n);
    if ((uint64_t)w > (SIZE_MAX >> 2)) return vm_raise_nomem(vm);
    unsigned char *t = malloc((size_t)w);
    if (!t) return vm_raise_nomem(vm);
    size_t fill = (size_t)w - n;
    memset(t, '0', fill);
    memcpy(t + fill, p, n);
    if (n && (p[0] == '+' || p[0] == '-')) {
        t[0] = p[0];
        t[fill] = '0';
    }
    Value r = make_like(vm, SELF, t, (size_t)w);
    free(t);
    return r;
}

M(m_expandtabs) {
    static const char *const names[] = {"tabsize", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "expandtabs", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t ts = 8;
    if (out[0] && !int_arg(vm, out[0], &ts, 32)) return VNULL;
    VIEW(SELF, p, n);
    StrBuf sb = STRBUF_INIT;
    int64_t col = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == '\t') {
            if (ts > 0) {
                int64_t sp = ts - col % ts;
                sb_fill(&sb, ' ', (size_t)sp);
                col += sp;
            }
        } else {
            sb_putc(&sb, (char)c);
            col++;
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    if (sb.oom) { sb_free(&sb); return vm_raise_nomem(vm); }
    Value r = make_like(vm, SELF, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

M(m_removeprefix) {
    (void)nargs; (void)kw;
    const unsigned char *s;
    size_t sn;
    if (!need_buffer(vm, args[1], &s, &sn)) return VNULL;
    VIEW(SELF, p, n);
    if (sn <= n && memcmp(p, s, sn) == 0) return make_like(vm, SELF, p + sn, n - sn);
    if (v_type(SELF) == &type_bytes) return SELF;
    return make_like(vm, SELF, p, n);
}

M(m_removesuffix) {
    (void)nargs; (void)kw;
    const unsigned char *s;
    size_t sn;
    if (!need_buffer(vm, args[1], &s, &sn)) return VNULL;
    VIEW(SELF, p, n);
    if (sn && sn <= n && memcmp(p + n - sn, s, sn) == 0) return make_like(vm, SELF, p, n - sn);
    if (v_type(SELF) == &type_bytes) return SELF;
    return make_like(vm, SELF, p, n);
}

M(m_translate) {
    static const char *const names[] = {"", "delete", NULL};
    Value out[2];
    if (nargs < 2 && !(kw && tuple_len(kw)))
        return vm_raise(vm, &exc_TypeError, "translate() takes at least 1 positional argument (0 given)");
    if (!vm_parse_args(vm, "translate", args + 1, nargs - 1, kw, names, 1, 1, out)) return VNULL;
    const unsigned char *table = NULL, *del = NULL;
    size_t tn = 0, dn = 0;
    if (out[0] != V_NONE) {
        if (!need_buffer(vm, out[0], &table, &tn)) return VNULL;
        if (tn != 256) return vm_raise(vm, &exc_ValueError, "translation table must be 256 characters long");
    }
    if (out[1] && !need_buffer(vm, out[1], &del, &dn)) return VNULL;
    bool drop[256] = {false};
    for (size_t i = 0; i < dn; i++) drop[del[i]] = true;
    unsigned char map[256];
    for (int i = 0; i < 256; i++) map[i] = table ? table[i] : (unsigned char)i;
    VIEW(SELF, p, n);
    unsigned char *t = malloc(n + 1);
    if (!t) return vm_raise_nomem(vm);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!drop[p[i]]) t[w++] = map[p[i]];
    Value r = make_like(vm, SELF, t, w);
    free(t);
    return r;
}

M(m_maketrans) {
    (void)kw;
    if (nargs != 3) return vm_raise(vm, &exc_TypeError, "maketrans expected 2 arguments, got %d", nargs - 1);
    const unsigned char *a, *b;
    size_t an, bn;
    if (!need_buffer(vm, args[1], &a, &an) || !need_buffer(vm, args[2], &b, &bn)) return VNULL;
    if (an != bn) return vm_raise(vm, &exc_ValueError, "maketrans arguments must have same length");
    unsigned char t[256];
    for (int i = 0; i < 256; i++) t[i] = (unsigned char)i;
    for (size_t i = 0; i < an; i++) t[a[i]] = b[i];
    return bytes_new(vm, t, 256);
}

M(m_getitem) { (void)nargs; (void)kw; return bytes_getitem(vm, SELF, args[1]); }
M(m_getnewargs) { (void)nargs; (void)kw; VIEW(SELF, p, n); Value b = bytes_new(vm, p, n); return b ? tuple_pack(vm, 1, b) : VNULL; }
M(m_bytes) {
    (void)nargs; (void)kw;
    if (v_type(SELF) == &type_bytes) return SELF;
    VIEW(SELF, p, n);
    return bytes_new(vm, p, n);
}

/* ---- bytearray mutators ---- */
M(ba_append) {
    (void)nargs; (void)kw;
    unsigned char c;
    if (!byte_value(vm, args[1], &c)) return VNULL;
    ByteArray *b = AS(ByteArray, SELF);
    int64_t n = ba_len(vm, b);
    RawBuf *r = ba_writable(vm, b, n + 1);
    if (!r) return VNULL;
    r->data[n] = c;
    WRW(vm, b, b->len, n + 1);
    return V_NONE;
}

/* The bytes of an iterable of ints (in range(256)), malloc'ed into *out. */
static bool ints_to_bytes(VM *vm, Value v, const char *range_msg, unsigned char **out, size_t *n) {
    Value l = list_from_iter(vm, v);
    if (!l) return false;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    int64_t k = list_len(vm, l);
    unsigned char *buf = malloc((size_t)k + 1);
    if (!buf) { ROOTS_RESET(vm); vm_raise_nomem(vm); return false; }
    for (int64_t i = 0; i < k && i < list_len(vm, l); i++) {
        Value x = list_get(vm, l, i);
        int64_t c;
        if (!v_is_intlike(x) && !v_type(x)->nb_index) {
            free(buf);
            ROOTS_RESET(vm);
            vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(x)->name);
            return false;
        }
        if (!vm_index_i64(vm, x, &c, NULL)) {
            if (!vm_exc_matches(vm, &exc_OverflowError)) { free(buf); ROOTS_RESET(vm); return false; }
            vm_exc_clear(vm);
            c = -1;
        }
        if (c < 0 || c > 255) {
            free(buf);
            ROOTS_RESET(vm);
            vm_raise(vm, &exc_ValueError, "%s", range_msg);
            return false;
        }
        buf[i] = (unsigned char)c;
    }
    ROOTS_RESET(vm);
    *out = buf;
    *n = (size_t)k;
    return true;
}

M(ba_extend) {
    (void)nargs; (void)kw;
    Value src = args[1];
    const unsigned char *p;
    size_t n;
    unsigned char *owned = NULL;
    if (!bytes_like(vm, src, &p, &n)) {
        if (!v_type(src)->tp_iter && !v_type(src)->tp_getitem)
            return vm_raise(vm, &exc_TypeError, "can't extend bytearray with %s", v_type(src)->name);
        if (!ints_to_bytes(vm, src, "byte must be in range(0, 256)", &owned, &n)) return VNULL;
        p = owned;
    }
    int64_t len = ba_len(vm, AS(ByteArray, SELF));
    bool ok = ba_set_range(vm, SELF, len, len, p, n);
    free(owned);
    return ok ? V_NONE : VNULL;
}

M(ba_pop) {
    (void)kw;
    int64_t i = -1;
    if (nargs > 1 && !index_arg(vm, args[1], &i)) return VNULL;
    ByteArray *b = AS(ByteArray, SELF);
    int64_t n = ba_len(vm, b);
    if (n == 0) return vm_raise(vm, &exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm_raise(vm, &exc_IndexError, "pop index out of range");
    int c = ba_buf(vm, b)->data[i];
    if (!ba_set_range(vm, SELF, i, i + 1, NULL, 0)) return VNULL;
    return v_from_small(c);
}

M(ba_insert) {
    (void)nargs; (void)kw;
    int64_t i;
    unsigned char c;
    if (!index_arg(vm, args[1], &i) || !byte_value(vm, args[2], &c)) return VNULL;
    int64_t n = ba_len(vm, AS(ByteArray, SELF));
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    return ba_set_range(vm, SELF, i, i, &c, 1) ? V_NONE : VNULL;
}

M(ba_remove) {
    (void)nargs; (void)kw;
    unsigned char c;
    if (!byte_value(vm, args[1], &c)) return VNULL;
    VIEW(SELF, p, n);
    const unsigned char *q = n ? memchr(p, c, n) : NULL;
    if (!q) return vm_raise(vm, &exc_ValueError, "value not found in bytearray");
    int64_t i = q - p;
    return ba_set_range(vm, SELF, i, i + 1, NULL, 0) ? V_NONE : VNULL;
}

M(ba_clear) { (void)nargs; (void)kw; return ba_set_range(vm, SELF, 0, ba_len(vm, AS(ByteArray, SELF)), NULL, 0) ? V_NONE : VNULL; }
M(ba_copy) { (void)nargs; (void)kw; VIEW(SELF, p, n); return bytearray_new(vm, p, n); }
M(ba_reverse) {
    (void)nargs; (void)kw;
    ByteArray *b = AS(ByteArray, SELF);
    int64_t n = ba_len(vm, b);
    RawBuf *r = ba_writable(vm, b, n);
    if (!r) return VNULL;
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) { unsigned char t = r->data[i]; r->data[i] = r->data[j]; r->data[j] = t; }
    return V_NONE;
}

static int ba_setitem(VM *vm, Value self, Value key, Value v) {
    ByteArray *b = AS(ByteArray, self);
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        unsigned char *owned = NULL;
        const unsigned char *p = NULL;
        size_t m = 0;
        if (v) {
            if (v == self) {
                VIEW(self, sp, sn);
                owned = malloc(sn + 1);
                if (!owned) { vm_raise_nomem(vm); return -1; }
                memcpy(owned, sp, sn);
                p = owned;
                m = sn;
            } else if (!bytes_like(vm, v, &p, &m)) {
                Type *vt = v_type(v);
                if (v_is_intlike(v) || v_is_floatlike(v) || vt->nb_index || vt->nb_int || vt->nb_float ||
                    v_isinstance_of(v, &type_complex) || IS_STR(v)) {
                    vm_raise(vm, &exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                    return -1;
                }
                if (!vt->tp_iter && !vt->tp_getitem) {
                    vm_raise(vm, &exc_TypeError, "cannot convert '%s' object to bytearray", vt->name);
                    return -1;
                }
                if (!ints_to_bytes(vm, v, "byte must be in range(0, 256)", &owned, &m)) return -1;
                p = owned;
            }
        }
        int64_t n = ba_len(vm, b);
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) { free(owned); return -1; }
        if (v && !owned) bytes_like(vm, v, &p, &m);
        n = ba_len(vm, b);
        bool ok;
        if (step == 1) {
            ok = ba_set_range(vm, self, start, stop < start ? start : stop, p, m);
        } else if (!v || m == 0) {
            VIEW(self, sp, sn);
            unsigned char *keep = malloc(sn + 1);
            if (!keep) { vm_raise_nomem(vm); return -1; }
            size_t w = 0;
            for (int64_t i = 0; i < (int64_t)sn; i++) {
                bool del = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                    : (i <= start && i > stop && (start - i) % (-step) == 0);
                if (!del) keep[w++] = sp[i];
            }
            ok = ba_set_range(vm, self, 0, n, keep, w);
            free(keep);
        } else if ((int64_t)m != len) {
            vm_raise(vm, &exc_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld", m,
                     (long long)len);
            ok = false;
        } else {
            unsigned char *copy = malloc(m + 1);
            RawBuf *r = copy ? ba_writable(vm, b, n) : NULL;
            if (!copy) vm_raise_nomem(vm);
            ok = r != NULL;
            if (ok) {
                if (!owned) bytes_like(vm, v, &p, &m);
                memcpy(copy, p, m);
                for (int64_t i = 0, j = start; i < len; i++, j += step) r->data[j] = copy[i];
            }
            free(copy);
        }
        free(owned);
        return ok ? 0 : -1;
    }
    if (!v_is_intlike(key) && !v_type(key)->nb_index) {
        vm_raise(vm, &exc_TypeError, "bytearray indices must be integers or slices, not %s", v_type(key)->name);
        return -1;
    }
    int64_t i;
    if (!vm_index_i64(vm, key, &i, &exc_IndexError)) return -1;
    unsigned char c = 0;
    if (v && !byte_value(vm, v, &c)) return -1;
    int64_t n = ba_len(vm, b);
    if (i < 0) i += n;
    if (i < 0 || i >= n) { vm_raise(vm, &exc_IndexError, "bytearray index out of range"); return -1; }
    if (!v) return ba_set_range(vm, self, i, i + 1, NULL, 0) ? 0 : -1;
    RawBuf *r = ba_writable(vm, b, n);
    if (!r) return -1;
    r->data[i] = c;
    return 0;
}

static Value ba_iadd(VM *vm, Value a, Value b) {
    const unsigned char *p;
    size_t n;
    if (!bytes_like(vm, b, &p, &n))
        return vm_raise(vm, &exc_TypeError, "can't concat %s to %s", v_type(b)->name, v_type(a)->name);
    int64_t len = ba_len(vm, AS(ByteArray, a));
    return ba_set_range(vm, a, len, len, p, n) ? a : VNULL;
}

static Value ba_imul(VM *vm, Value a, Value b) {
    if (!v_is_intlike(b) && !v_type(b)->nb_index)
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(b)->name);
    int64_t c;
    if (!repeat_count(vm, b, &c)) return VNULL;
    Value r = repeat_bytes(vm, a, c);
    if (!r) return VNULL;
    VIEW(r, p, n);
    return ba_set_range(vm, a, 0, ba_len(vm, AS(ByteArray, a)), p, n) ? a : VNULL;
}

/* ---- constructors ---- */
/* The bytes bytes(src, enc, errors) / bytearray(...) would hold, malloc'ed. */
static bool fill_from(VM *vm, Value src, Value enc, Value errors, bool array, unsigned char **out, size_t *n) {
    const char *tname = array ? "bytearray" : "bytes";
    *out = NULL;
    *n = 0;
    if (!src) {
        if (enc || errors) {
            vm_raise(vm, &exc_TypeError, enc ? "encoding without a string argument" : "errors without a string argument");
            return false;
        }
        return true;
    }
    if (!str_param(vm, tname, "encoding", enc) || !str_param(vm, tname, "errors", errors)) return false;
    if (IS_STR(src)) {
        if (!enc) { vm_raise(vm, &exc_TypeError, "string argument without an encoding"); return false; }
        Value bs = codec_encode(vm, src, enc, errors);
        if (!bs) return false;
        *n = (size_t)AS(Bytes, bs)->len;
        *out = malloc(*n + 1);
        if (!*out) { vm_raise_nomem(vm); return false; }
        memcpy(*out, AS(Bytes, bs)->data, *n);
        return true;
    }
    if (enc || errors) {
        vm_raise(vm, &exc_TypeError, enc ? "encoding without a string argument" : "errors without a string argument");
        return false;
    }
    const unsigned char *p;
    if (!array) {
        Value bm = vm_lookup_special(vm, src, NM(__bytes__));
        if (bm) {
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, bm);
            Value r = vm_call0(vm, bm);
            ROOTS_RESET(vm);
            if (!r) return false;
            if (!is_bytes(r)) {
                vm_raise(vm, &exc_TypeError, "__bytes__ returned non-bytes (type %s)", v_type(r)->name);
                return false;
            }
            bytes_like(vm, r, &p, n);
            *out = malloc(*n + 1);
            if (!*out) { vm_raise_nomem(vm); return false; }
            memcpy(*out, p, *n);
            return true;
        }
        if (vm->exc) return false;
    }
    if (bytes_like(vm, src, &p, n)) {
        *out = malloc(*n + 1);
        if (!*out) { vm_raise_nomem(vm); return false; }
        memcpy(*out, p, *n);
        return true;
    }
    if (v_is_intlike(src) || v_type(src)->nb_index) {
        int64_t k;
        if (!vm_index_i64(vm, src, &k, &exc_OverflowError)) {
            if (vm_exc_matches(vm, &exc_OverflowError)) {
                vm_exc_clear(vm);
                vm_raise(vm, &exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return false;
        }
        if (k < 0) { vm_raise(vm, &exc_ValueError, "negative count"); return false; }
        if (k > (INT64_C(1) << 40)) { vm_raise_nomem(vm); return false; }
        *out = calloc((size_t)k + 1, 1);
        if (!*out) { vm_raise_nomem(vm); return false; }
        *n = (size_t)k;
        return true;
    }
    if (!v_type(src)->tp_iter && !v_type(src)->tp_getitem) {
        vm_raise(vm, &exc_TypeError, "cannot convert '%s' object to %s", v_type(src)->name, tname);
        return false;
    }
    return ints_to_bytes(vm, src, array ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)", out, n);
}

static Value bytes_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "bytes", args, nargs, kwnames, names, 0, 0, out)) return VNULL;
    if (out[0] && v_is_type(out[0], &type_bytes) && !out[1] && !out[2] && t == &type_bytes) return out[0];
    unsigned char *data;
    size_t n;
    if (!fill_from(vm, out[0], out[1], out[2], false, &data, &n)) return VNULL;
    if (t == &type_bytes) {
        Value r = bytes_new(vm, data ? (const char *)data : "", n);
        free(data);
        return r;
    }
    size_t base = (sizeof(Bytes) + n + 1 + 7) & ~(size_t)7;
    Bytes *b = gc_alloc(vm, t, base + sizeof(AttrArea) + t->inline_slots * sizeof(Value));
    if (!b) { free(data); return VNULL; }
    b->hash = -1;
    b->len = (int64_t)n;
    if (n) memcpy(b->data, data, n);
    b->data[n] = 0;
    free(data);
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
    if (!fill_from(vm, out[0], out[1], out[2], true, &data, &n)) return -1;
    bool ok = ba_set_range(vm, self, 0, ba_len(vm, AS(ByteArray, self)), data, n);
    free(data);
    return ok ? 0 : -1;
}

static const MethodDef common_methods[] = {
    {"decode", m_decode, 1, -1, MF_KW, NULL}, {"hex", m_hex, 1, -1, MF_KW, NULL},
    {"fromhex", m_fromhex, 2, 2, MF_CLASS, NULL}, {"maketrans", m_maketrans, 1, -1, MF_CLASS | MF_STATIC, NULL},
    {"find", m_find, 1, -1, 0, NULL}, {"rfind", m_rfind, 1, -1, 0, NULL}, {"index", m_index, 1, -1, 0, NULL},
    {"rindex", m_rindex, 1, -1, 0, NULL}, {"count", m_count, 1, -1, 0, NULL},
    {"startswith", m_startswith, 1, -1, 0, NULL}, {"endswith", m_endswith, 1, -1, 0, NULL},
    {"strip", m_strip, 1, 2, 0, NULL}, {"lstrip", m_lstrip, 1, 2, 0, NULL}, {"rstrip", m_rstrip, 1, 2, 0, NULL},
    {"split", m_split, 1, -1, MF_KW, NULL}, {"rsplit", m_rsplit, 1, -1, MF_KW, NULL},
    {"splitlines", m_splitlines, 1, -1, MF_KW, NULL},
    {"join", m_join, 2, 2, 0, NULL}, {"replace", m_replace, 3, 4, 0, NULL},
    {"upper", m_upper, 1, 1, 0, NULL}, {"lower", m_lower, 1, 1, 0, NULL}, {"swapcase", m_swapcase, 1, 1, 0, NULL},
    {"capitalize", m_capitalize, 1, 1, 0, NULL}, {"title", m_title, 1, 1, 0, NULL},
    {"isdigit", m_isdigit, 1, 1, 0, NULL}, {"isalpha", m_isalpha, 1, 1, 0, NULL}, {"isalnum", m_isalnum, 1, 1, 0, NULL},
    {"isspace", m_isspace, 1, 1, 0, NULL}, {"isupper", m_isupper, 1, 1, 0, NULL}, {"islower", m_islower, 1, 1, 0, NULL},
    {"istitle", m_istitle, 1, 1, 0, NULL}, {"isascii", m_isascii, 1, 1, 0, NULL},
    {"partition", m_partition, 2, 2, 0, NULL}, {"rpartition", m_rpartition, 2, 2, 0, NULL},
    {"ljust", m_ljust, 2, 3, 0, NULL}, {"rjust", m_rjust, 2, 3, 0, NULL}, {"center", m_center, 2, 3, 0, NULL},
    {"zfill", m_zfill, 2, 2, 0, NULL}, {"expandtabs", m_expandtabs, 1, -1, MF_KW, NULL},
    {"removeprefix", m_removeprefix, 2, 2, 0, NULL}, {"removesuffix", m_removesuffix, 2, 2, 0, NULL},
    {"translate", m_translate, 1, -1, MF_KW, NULL},
    {"__getitem__", m_getitem, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef bytes_only_methods[] = {
    {"__getnewargs__", m_getnewargs, 1, 1, 0, NULL},
    {"__bytes__", m_bytes, 1, 1, 0, NULL},
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
    .tp_bool = bytes_bool, .nb = {[NB_ADD] = bytes_concat, [NB_MUL] = bytes_repeat, [NB_MOD] = bytes_mod},
};
Type type_bytearray = {
    .base = STATIC_HDR, .name = "bytearray", .basicsize = sizeof(ByteArray), .flags = TF_BASETYPE,
    .trace = bytearray_trace, .tp_new = bytearray_new_fn, .tp_init = bytearray_init_fn, .tp_repr = bytes_repr_slot,
    .tp_richcompare = bytes_richcompare, .tp_iter = bytes_iter, .tp_len = bytes_len_slot,
    .tp_getitem = bytes_getitem, .tp_setitem = ba_setitem, .tp_contains = bytes_contains, .tp_bool = bytes_bool,
    .nb = {[NB_ADD] = bytes_concat, [NB_MUL] = bytes_repeat, [NB_MOD] = bytes_mod},
    .nb_inplace = {[NB_ADD] = ba_iadd, [NB_MUL] = ba_imul},
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
