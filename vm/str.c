/* str.c - str: immutable Unicode text stored as UTF-8.
 *
 * A Str keeps its UTF-8 bytes (NUL-terminated), its byte length and its
 * code-point count; it is ASCII iff both are equal, and ASCII strings index
 * in O(1).  Lone surrogates are stored as their 3-byte encodings, so byte
 * order is code point order.  A non-ASCII string longer than 2*STRIDX_STEP
 * code points gets a lazily built index of the byte offset of every
 * STRIDX_STEP-th code point (built only by callers that pass their VM, which
 * allocates it; published with a release store, a benign race), so indexing
 * stays O(1)-ish.  The hash is cached (a benign race: every thread computes
 * the same value).
 *
 * Methods follow CPython 3.11's semantics and messages (stringlib's
 * ADJUST_INDICES for start/end, its split/rsplit algorithms, final sigma in
 * every lower-casing).  Encoding and decoding live in codecs.c, formatting
 * in strformat.c.
 *
 * Interning: a global table of canonical strings (identifiers, attribute
 * names).  Readers probe it without a lock (entries are published with
 * release stores, old tables are retired until the next collection);
 * inserting takes a lock.  It is weak: the GC drops unmarked entries.
 */
#include "vm.h"
#include "unicode_db.h"
#include <string.h>
#include <stdlib.h>

#define STRIDX_STEP 32

static void str_trace(GcTracer *g, Obj *o) {
    Str *s = (Str *)o;
    if (s->index) gc_mark_ptr(g, s->index);
}

/* ---- UTF-8 helpers ---- */
int64_t utf8_count(const char *s, size_t len) {
    int64_t n = 0;
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    while (p + 8 <= e) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (!(w & 0x8080808080808080ULL)) { n += 8; p += 8; continue; }
        for (int i = 0; i < 8; i++) n += (p[i] & 0xC0) != 0x80;
        p += 8;
    }
    for (; p < e; p++) n += (*p & 0xC0) != 0x80;
    return n;
}

bool utf8_valid(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    while (p < e) {
        unsigned c = *p;
        if (c < 0x80) { p++; continue; }
        int n;
        uint32_t cp;
        if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; if (c < 0xC2) return false; }
        else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; if (c > 0xF4) return false; }
        else return false;
        if (e - p <= n) return false;
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
        p += n + 1;
    }
    return true;
}

/* Decode one code point at p (valid UTF-8, including encoded surrogates). */
static inline uint32_t utf8_decode(const unsigned char *p, int *len) {
    unsigned c = p[0];
    if (c < 0x80) { *len = 1; return c; }
    if (c < 0xE0) { *len = 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
    if (c < 0xF0) { *len = 3; return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); }
    *len = 4;
    return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

uint32_t utf8_decode_at(const char *s, int *len) { return utf8_decode((const unsigned char *)s, len); }

static inline bool is_ascii_str(const Str *s) { return s->len == s->nchars; }

/* ---- construction ---- */
static Value str_alloc(VM *vm, size_t len) {
    if (len > (SIZE_MAX >> 2)) return vm_raise_nomem(vm);
    Str *s = gc_alloc(vm, &type_str, sizeof(Str) + len + 1);
    if (!s) return VNULL;
    s->hash = -1;
    s->len = (int64_t)len;
    return v_from_ptr(s);
}

static Value ascii_chars[128];
static Value latin1_chars[128];

Value str_new_ascii_or_utf8(VM *vm, const char *p, size_t len, int64_t nchars) {
    if (len == 0 && NM(empty)) return NM(empty);
    if (len == 1 && (unsigned char)p[0] < 128 && ascii_chars[(unsigned char)p[0]]) return ascii_chars[(unsigned char)p[0]];
    Value v = str_alloc(vm, len);
    if (!v) return VNULL;
    Str *s = AS(Str, v);
    memcpy(s->data, p, len);
    s->data[len] = 0;
    s->nchars = nchars;
    return v;
}

Value str_new(VM *vm, const char *p, size_t len) {
    return str_new_ascii_or_utf8(vm, p, len, utf8_count(p, len));
}

Value str_from_cstr(VM *vm, const char *s) { return str_new(vm, s, strlen(s)); }

Value str_from_sb(VM *vm, StrBuf *sb) {
    if (sb->oom) {
        sb_free(sb);
        return vm_raise_nomem(vm);
    }
    Value v = str_new(vm, sb->data ? sb->data : "", sb->len);
    sb_free(sb);
    return v;
}

Value str_from_codepoint(VM *vm, uint32_t cp) {
    if (cp < 128 && ascii_chars[cp]) return ascii_chars[cp];
    if (cp >= 128 && cp < 256 && latin1_chars[cp - 128]) return latin1_chars[cp - 128];
    StrBuf sb = STRBUF_INIT;
    sb_put_utf8(&sb, cp);
    Value v = str_new_ascii_or_utf8(vm, sb.data, sb.len, 1);
    sb_free(&sb);
    return v;
}

/* ---- hashing ---- */
static uint64_t hash_bytes(const unsigned char *p, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)n * 0xFF51AFD7ED558CCDULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = (h ^ w ^ ((uint64_t)n << 56)) * 0x94D049BB133111EBULL;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return h;
}

int64_t bytes_hash_raw(const unsigned char *p, size_t n) {
    if (n == 0) return 0;
    int64_t h = (int64_t)hash_bytes(p, n);
    return h == -1 ? -2 : h;
}

int64_t str_hash(Value v) {
    Str *s = AS(Str, v);
    int64_t h = atomic_load_explicit(&s->hash, memory_order_relaxed);
    if (LIKELY(h != -1)) return h;
    h = bytes_hash_raw((const unsigned char *)s->data, (size_t)s->len);
    atomic_store_explicit(&s->hash, h, memory_order_relaxed);
    return h;
}

bool str_eq(Value a, Value b) {
    if (a == b) return true;
    Str *x = AS(Str, a), *y = AS(Str, b);
    if (x->len != y->len) return false;
    int64_t hx = atomic_load_explicit(&x->hash, memory_order_relaxed);
    int64_t hy = atomic_load_explicit(&y->hash, memory_order_relaxed);
    if (hx != -1 && hy != -1 && hx != hy) return false;
    return memcmp(x->data, y->data, (size_t)x->len) == 0;
}

/* ---- interning ---- */
typedef struct InternTable {
    size_t mask;
    size_t count;
    _Atomic(Str *) slots[];
} InternTable;

static _Atomic(InternTable *) intern_tab;
static PlatMutex *intern_lock;
static InternTable *retired_tabs[64];
static int nretired;

static InternTable *itab_new(size_t cap) {
    InternTable *t = calloc(1, sizeof(InternTable) + cap * sizeof(Str *));
    if (t) t->mask = cap - 1;
    return t;
}

static Str *itab_find(InternTable *t, const char *p, size_t len, int64_t h) {
    size_t i = (size_t)h & t->mask;
    for (;;) {
        Str *s = atomic_load_explicit(&t->slots[i], memory_order_acquire);
        if (!s) return NULL;
        if ((Str *)1 != s && s->len == (int64_t)len && atomic_load_explicit(&s->hash, memory_order_relaxed) == h &&
            memcmp(s->data, p, len) == 0)
            return s;
        i = (i + 1) & t->mask;
    }
}

static void itab_insert(InternTable *t, Str *s) {
    size_t i = (size_t)str_hash(v_from_ptr(s)) & t->mask;
    while (atomic_load_explicit(&t->slots[i], memory_order_relaxed)) i = (i + 1) & t->mask;
    atomic_store_explicit(&t->slots[i], s, memory_order_release);
    t->count++;
}

static Value intern_bytes(VM *vm, const char *p, size_t len, Value existing) {
    int64_t h = bytes_hash_raw((const unsigned char *)p, len);
    InternTable *t = atomic_load_explicit(&intern_tab, memory_order_acquire);
    Str *s = itab_find(t, p, len, h);
    if (s) return v_from_ptr(s);
    Value nv = existing;
    if (!nv || v_type(nv) != &type_str) {
        nv = str_new(vm, p, len);
        if (!nv) return VNULL;
    }
    plat_mutex_lock(intern_lock);
    t = atomic_load_explicit(&intern_tab, memory_order_acquire);
    s = itab_find(t, p, len, h);
    if (!s) {
        if ((t->count + 1) * 2 > t->mask + 1) {
            InternTable *nt = itab_new((t->mask + 1) * 2);
            if (!nt) {
                plat_mutex_unlock(intern_lock);
                return vm_raise_nomem(vm);
            }
            for (size_t i = 0; i <= t->mask; i++) {
                Str *e = atomic_load_explicit(&t->slots[i], memory_order_relaxed);
                if (e && e != (Str *)1) itab_insert(nt, e);
            }
            atomic_store_explicit(&intern_tab, nt, memory_order_release);
            if (nretired < 64) retired_tabs[nretired++] = t;   /* freed at the next collection */
            t = nt;
        }
        s = AS(Str, nv);
        str_hash(nv);
        s->hdr.flags |= OBJ_INTERNED;
        itab_insert(t, s);
    }
    plat_mutex_unlock(intern_lock);
    return v_from_ptr(s);
}

Value str_intern(VM *vm, Value s) {
    if (OBJ(s)->flags & OBJ_INTERNED) return s;
    return intern_bytes(vm, str_cstr(s), (size_t)str_len(s), s);
}

Value str_intern_cstr(VM *vm, const char *s) { return intern_bytes(vm, s, strlen(s), VNULL); }

/* Called by the GC after marking: drop dead entries (rebuild the table). */
void str_weak_sweep(void) {
    InternTable *t = atomic_load(&intern_tab);
    InternTable *nt = itab_new(t->mask + 1);
    if (!nt) return;
    for (size_t i = 0; i <= t->mask; i++) {
        Str *e = atomic_load_explicit(&t->slots[i], memory_order_relaxed);
        if (e && e != (Str *)1 && gc_is_marked_or_static(e)) itab_insert(nt, e);
    }
    atomic_store(&intern_tab, nt);
    free(t);
    for (int i = 0; i < nretired; i++) free(retired_tabs[i]);
    nretired = 0;
}

/* ---- indexing ---- */
typedef struct StrIndex {
    Obj hdr;
    int64_t n;
    int64_t off[];              /* byte offset of code point k*STRIDX_STEP */
} StrIndex;

Type type_strindex;

static StrIndex *build_index(VM *vm, Str *s) {
    int64_t n = s->nchars / STRIDX_STEP + 1;
    StrIndex *ix = gc_alloc(vm, &type_strindex, sizeof(StrIndex) + (size_t)n * sizeof(int64_t));
    if (!ix) {
        vm_exc_clear(vm);
        return NULL;
    }
    ix->n = n;
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t cp = 0;
    for (int64_t b = 0; b < s->len; b++) {
        if ((p[b] & 0xC0) != 0x80) {
            if (cp % STRIDX_STEP == 0) ix->off[cp / STRIDX_STEP] = b;
            cp++;
        }
    }
    __atomic_store_n(&s->index, (struct StrIndex *)ix, __ATOMIC_RELEASE);
    return ix;
}

/* Byte offset of code point i (0 <= i; past the end gives len).  With a
 * VM, a long non-ASCII string gets its index built on first use. */
static int64_t byte_offset(VM *vm, Value v, int64_t i) {
    Str *s = AS(Str, v);
    if (is_ascii_str(s)) return i;
    if (i >= s->nchars) return s->len;
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t b = 0, c = 0;
    StrIndex *ix = (StrIndex *)__atomic_load_n(&s->index, __ATOMIC_ACQUIRE);
    if (!ix && s->nchars > STRIDX_STEP * 2 && vm) ix = build_index(vm, s);
    if (ix) {
        c = (i / STRIDX_STEP) * STRIDX_STEP;
        b = ix->off[i / STRIDX_STEP];
    }
    while (c < i) {
        b++;
        while ((p[b] & 0xC0) == 0x80) b++;
        c++;
    }
    return b;
}

int64_t str_byte_offset(Value v, int64_t i) { return byte_offset(NULL, v, i); }

static uint32_t char_at(VM *vm, Value v, int64_t i) {
    Str *s = AS(Str, v);
    if (is_ascii_str(s)) return (unsigned char)s->data[i];
    int len;
    return utf8_decode((const unsigned char *)s->data + byte_offset(vm, v, i), &len);
}

uint32_t str_char_at(Value v, int64_t i) { return char_at(NULL, v, i); }

Value str_substr(VM *vm, Value v, int64_t start, int64_t stop) {
    Str *s = AS(Str, v);
    if (start <= 0 && stop >= s->nchars && v_type(v) == &type_str) return v;
    if (stop <= start) return NM(empty);
    int64_t b0 = byte_offset(vm, v, start);
    int64_t b1 = is_ascii_str(s) ? stop : byte_offset(vm, v, stop);
    return str_new_ascii_or_utf8(vm, s->data + b0, (size_t)(b1 - b0), stop - start);
}

/* ---- basic operations ---- */
Value str_concat(VM *vm, Value a, Value b) {
    Str *x = AS(Str, a), *y = AS(Str, b);
    if (y->len == 0 && v_type(a) == &type_str) return a;
    if (x->len == 0 && v_type(b) == &type_str) return b;
    size_t n = (size_t)x->len + (size_t)y->len;
    Value r = str_alloc(vm, n);
    if (!r) return VNULL;
    x = AS(Str, a);
    y = AS(Str, b);
    Str *s = AS(Str, r);
    memcpy(s->data, x->data, (size_t)x->len);
    memcpy(s->data + x->len, y->data, (size_t)y->len);
    s->data[n] = 0;
    s->nchars = x->nchars + y->nchars;
    return r;
}

static Value str_repeat(VM *vm, Value s, int64_t k) {
    Str *x = AS(Str, s);
    if (k <= 0 || x->len == 0) return NM(empty);
    if (k == 1 && v_type(s) == &type_str) return s;
    if (x->len > INT64_MAX / k || x->len * k > (INT64_C(1) << 40)) return vm_raise_nomem(vm);
    size_t n = (size_t)(x->len * k);
    Value r = str_alloc(vm, n);
    if (!r) return VNULL;
    x = AS(Str, s);
    Str *d = AS(Str, r);
    if (x->len == 1) memset(d->data, x->data[0], n);
    else {
        memcpy(d->data, x->data, (size_t)x->len);
        size_t done = (size_t)x->len;
        while (done < n) {
            size_t c = done < n - done ? done : n - done;
            memcpy(d->data + done, d->data, c);
            done += c;
        }
    }
    d->data[n] = 0;
    d->nchars = x->nchars * k;
    return r;
}

/* Compare by code points == compare UTF-8 bytes. */
static int str_cmp(Value a, Value b) {
    Str *x = AS(Str, a), *y = AS(Str, b);
    int64_t n = x->len < y->len ? x->len : y->len;
    int r = memcmp(x->data, y->data, (size_t)n);
    if (r) return r < 0 ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len;
}

static Value str_richcompare(VM *vm, Value a, Value b, int op) {
    (void)vm;
    if (!IS_STR(a) || !IS_STR(b)) return V_NOTIMPL;
    if (op == CMP_EQ_OP) return v_bool(str_eq(a, b));
    if (op == CMP_NE_OP) return v_bool(!str_eq(a, b));
    int c = str_cmp(a, b);
    switch (op) {
    case CMP_LT_OP: return v_bool(c < 0);
    case CMP_LE_OP: return v_bool(c <= 0);
    case CMP_GT_OP: return v_bool(c > 0);
    default: return v_bool(c >= 0);
    }
}

static int64_t str_hash_slot(VM *vm, Value v) { (void)vm; return str_hash(v); }
static int64_t str_len_slot(VM *vm, Value v) { (void)vm; return AS(Str, v)->nchars; }

/* Byte-level substring search; returns byte offset or -1. */
static int64_t find_bytes(const char *h, int64_t hn, const char *n, int64_t nn, int64_t from) {
    if (nn == 0) return from <= hn ? from : -1;
    if (nn > hn - from) return -1;
    if (nn == 1) {
        const char *r = memchr(h + from, n[0], (size_t)(hn - from));
        return r ? r - h : -1;
    }
    const char *end = h + hn - nn;
    for (const char *p = h + from; p <= end; p++) {
        p = memchr(p, n[0], (size_t)(end - p + 1));
        if (!p) return -1;
        if (memcmp(p, n, (size_t)nn) == 0) return p - h;
    }
    return -1;
}

static int64_t rfind_bytes(const char *h, int64_t lo, int64_t hi, const char *n, int64_t nn) {
    for (int64_t p = hi - nn; p >= lo; p--)
        if (memcmp(h + p, n, (size_t)nn) == 0) return p;
    return -1;
}

static int str_contains(VM *vm, Value self, Value x) {
    if (!IS_STR(x)) {
        vm_raise(vm, &exc_TypeError, "'in <string>' requires string as left operand, not %s", v_type(x)->name);
        return -1;
    }
    return find_bytes(str_cstr(self), str_len(self), str_cstr(x), str_len(x), 0) >= 0;
}

static Value str_getitem(VM *vm, Value self, Value key) {
    Str *s = AS(Str, self);
    int64_t n = s->nchars;
    if (LIKELY(v_is_int(key))) {
        int64_t i = v_int(key);
        if (i < 0) i += n;
        if ((uint64_t)i >= (uint64_t)n) return vm_raise(vm, &exc_IndexError, "string index out of range");
        if (is_ascii_str(s)) return ascii_chars[(unsigned char)s->data[i]];
        return str_from_codepoint(vm, char_at(vm, self, i));
    }
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return VNULL;
        if (step == 1) return str_substr(vm, self, start, start + len);
        StrBuf sb = STRBUF_INIT;
        if (!sb_reserve(&sb, (size_t)len)) return vm_raise_nomem(vm);
        if (is_ascii_str(s)) {
            for (int64_t i = 0, j = start; i < len; i++, j += step) sb.data[sb.len++] = s->data[j];
            return str_from_sb(vm, &sb);
        }
        const unsigned char *p = (const unsigned char *)s->data;
        int64_t b = len ? byte_offset(vm, self, start) : 0;
        for (int64_t i = 0; i < len; i++) {
            int l;
            utf8_decode(p + b, &l);
            sb_append(&sb, p + b, (size_t)l);
            if (i + 1 == len) break;
            if (step > 0) {
                for (int64_t k = 0; k < step; k++) { b++; while ((p[b] & 0xC0) == 0x80) b++; }
            } else {
                for (int64_t k = 0; k < -step; k++) { b--; while ((p[b] & 0xC0) == 0x80) b--; }
            }
        }
        return str_from_sb(vm, &sb);
    }
    int64_t i;
    if (!vm_index_i64(vm, key, &i, &exc_IndexError)) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "string indices must be integers, not '%s'", v_type(key)->name);
        }
        return VNULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm_raise(vm, &exc_IndexError, "string index out of range");
    return str_from_codepoint(vm, char_at(vm, self, i));
}

static Value str_add(VM *vm, Value a, Value b) {
    if (!IS_STR(a)) return V_NOTIMPL;
    if (!IS_STR(b))
        return vm_raise(vm, &exc_TypeError, "can only concatenate str (not \"%s\") to str", v_type(b)->name);
    return str_concat(vm, a, b);
}

static Value str_mul(VM *vm, Value a, Value b) {
    Value s = IS_STR(a) ? a : b, k = IS_STR(a) ? b : a;
    if (!IS_STR(s)) return V_NOTIMPL;
    if (!v_is_intlike(k) && !v_type(k)->nb_index) {
        /* CPython tries the other operand's numeric slot before the sequence repeat */
        BinaryFn other = v_type(k)->nb[NB_MUL];
        bool seq = IS_STR(k) || IS_LIST(k) || IS_TUPLE(k) || v_isinstance_of(k, &type_bytes) ||
                   v_isinstance_of(k, &type_bytearray);
        if (s == a && other && !seq) {
            Value r = other(vm, a, b);
            if (r != V_NOTIMPL) return r;
        }
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(k)->name);
    }
    int64_t n;
    if (!vm_index_i64(vm, k, &n, &exc_OverflowError)) {
        if (vm_exc_matches(vm, &exc_OverflowError)) {
            vm_exc_clear(vm);
            return vm_raise(vm, &exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return VNULL;
    }
    return str_repeat(vm, s, n);
}

static Value str_mod(VM *vm, Value a, Value b) {
    if (!IS_STR(a)) return V_NOTIMPL;
    return str_percent_format(vm, a, b);
}

/* ---- repr ---- */
void str_repr_sb(StrBuf *sb, Value v) {
    Str *s = AS(Str, v);
    const unsigned char *p = (const unsigned char *)s->data, *e = p + s->len;
    bool has_sq = memchr(s->data, '\'', (size_t)s->len) != NULL;
    bool has_dq = memchr(s->data, '"', (size_t)s->len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    sb_putc(sb, q);
    while (p < e) {
        int l;
        uint32_t c = utf8_decode(p, &l);
        if (c == (uint32_t)q || c == '\\') { sb_putc(sb, '\\'); sb_putc(sb, (char)c); }
        else if (c == '\n') sb_puts(sb, "\\n");
        else if (c == '\r') sb_puts(sb, "\\r");
        else if (c == '\t') sb_puts(sb, "\\t");
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            static const char hx[] = "0123456789abcdef";
            buf[0] = '\\'; buf[1] = 'x'; buf[2] = hx[c >> 4]; buf[3] = hx[c & 15];
            sb_append(sb, buf, 4);
        } else if (c < 0x7F) sb_putc(sb, (char)c);
        else if (!ucd_isprintable(c)) {
            char buf[16];
            static const char hx[] = "0123456789abcdef";
            int n = 0;
            buf[n++] = '\\';
            if (c <= 0xFF) { buf[n++] = 'x'; buf[n++] = hx[c >> 4]; buf[n++] = hx[c & 15]; }
            else if (c <= 0xFFFF) {
                buf[n++] = 'u';
                for (int sh = 12; sh >= 0; sh -= 4) buf[n++] = hx[(c >> sh) & 15];
            } else {
                buf[n++] = 'U';
                for (int sh = 28; sh >= 0; sh -= 4) buf[n++] = hx[(c >> sh) & 15];
            }
            sb_append(sb, buf, (size_t)n);
        } else sb_append(sb, p, (size_t)l);
        p += l;
    }
    sb_putc(sb, q);
}

Value str_repr(VM *vm, Value v) {
    StrBuf sb = STRBUF_INIT;
    str_repr_sb(&sb, v);
    return str_from_sb(vm, &sb);
}

static Value str_str(VM *vm, Value v) {
    if (v_type(v) == &type_str) return v;
    return str_new_ascii_or_utf8(vm, str_cstr(v), (size_t)str_len(v), AS(Str, v)->nchars);
}

/* ---- iteration ---- */
typedef struct StrIter {
    Obj hdr;
    Value s;
    int64_t boff;               /* byte offset of the next char */
} StrIter;

static void striter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((StrIter *)o)->s); }

static Value str_iter(VM *vm, Value self) {
    StrIter *it = gc_alloc(vm, &type_str_iter, sizeof(StrIter));
    if (!it) return VNULL;
    it->s = self;
    return v_from_ptr(it);
}

/* Iterator state goes through the barriers (see list.c). */
static Value striter_next(VM *vm, Value self) {
    StrIter *it = AS(StrIter, self);
    Value sv = RD(vm, it, it->s);
    if (!sv) return VNULL;
    Str *s = AS(Str, sv);
    int64_t boff = RDW(vm, it, it->boff);
    if (boff >= s->len) {
        WR(vm, it, it->s, VNULL);
        return VNULL;
    }
    const unsigned char *p = (const unsigned char *)s->data + boff;
    if (*p < 0x80) {
        WRW(vm, it, it->boff, boff + 1);
        return ascii_chars[*p];
    }
    int l;
    uint32_t c = utf8_decode(p, &l);
    WRW(vm, it, it->boff, boff + l);
    return str_from_codepoint(vm, c);
}

/* ======================= methods ======================= */
#define SELF args[0]
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

static const char *arg_tname(Value v) { return v == V_NONE ? "None" : v_type(v)->name; }

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

/* The optional [start, end) code point arguments at args[first..], after
 * CPython's ADJUST_INDICES (end clipped to the length, negatives counted
 * from the end; start may stay beyond the length). */
static bool cp_range(VM *vm, Value self, Value *args, int nargs, int first, int64_t *c0, int64_t *c1) {
    int64_t n = AS(Str, self)->nchars, lo = 0, hi = INT64_MAX / 4;
    if (nargs > first && !slice_index(vm, args[first], &lo)) return false;
    if (nargs > first + 1 && !slice_index(vm, args[first + 1], &hi)) return false;
    if (hi > n) hi = n;
    else if (hi < 0) { hi += n; if (hi < 0) hi = 0; }
    if (lo < 0) { lo += n; if (lo < 0) lo = 0; }
    *c0 = lo;
    *c1 = hi;
    return true;
}

static Value find_impl(VM *vm, Value *args, int nargs, const char *fname, bool reverse, bool raise) {
    if (!arity(vm, fname, nargs - 1, 1, 3)) return VNULL;
    int64_t c0, c1;
    if (!cp_range(vm, SELF, args, nargs, 2, &c0, &c1)) return VNULL;
    Value sub = args[1];
    if (!IS_STR(sub)) return vm_raise(vm, &exc_TypeError, "must be str, not %s", v_type(sub)->name);
    int64_t r = -1;
    if (c1 - c0 >= AS(Str, sub)->nchars) {
        int64_t b0 = byte_offset(vm, SELF, c0), b1 = byte_offset(vm, SELF, c1);
        const char *h = str_cstr(SELF);
        r = reverse ? rfind_bytes(h, b0, b1, str_cstr(sub), str_len(sub))
                    : find_bytes(h, b1, str_cstr(sub), str_len(sub), b0);
        if (r >= 0 && !is_ascii_str(AS(Str, SELF))) r = c0 + utf8_count(h + b0, (size_t)(r - b0));
    }
    if (r < 0 && raise) return vm_raise(vm, &exc_ValueError, "substring not found");
    return v_from_small(r);
}

M(m_find) { (void)kw; return find_impl(vm, args, nargs, "find", false, false); }
M(m_rfind) { (void)kw; return find_impl(vm, args, nargs, "rfind", true, false); }
M(m_index) { (void)kw; return find_impl(vm, args, nargs, "index", false, true); }
M(m_rindex) { (void)kw; return find_impl(vm, args, nargs, "rindex", true, true); }

M(m_count) {
    (void)kw;
    if (!arity(vm, "count", nargs - 1, 1, 3)) return VNULL;
    int64_t c0, c1;
    if (!cp_range(vm, SELF, args, nargs, 2, &c0, &c1)) return VNULL;
    Value sub = args[1];
    if (!IS_STR(sub)) return vm_raise(vm, &exc_TypeError, "must be str, not %s", v_type(sub)->name);
    if (c1 - c0 < AS(Str, sub)->nchars) return v_from_small(0);
    int64_t nl = str_len(sub);
    if (nl == 0) return v_from_small(c1 - c0 + 1);
    int64_t b0 = byte_offset(vm, SELF, c0), b1 = byte_offset(vm, SELF, c1);
    int64_t count = 0, p = b0;
    const char *h = str_cstr(SELF);
    while ((p = find_bytes(h, b1, str_cstr(sub), nl, p)) >= 0) {
        count++;
        p += nl;
    }
    return v_from_small(count);
}

static Value startsends(VM *vm, Value *args, int nargs, bool ends) {
    const char *fname = ends ? "endswith" : "startswith";
    if (!arity(vm, fname, nargs - 1, 1, 3)) return VNULL;
    int64_t c0, c1;
    if (!cp_range(vm, SELF, args, nargs, 2, &c0, &c1)) return VNULL;
    Value pre = args[1];
    bool tuple = IS_TUPLE(pre);
    int64_t np = tuple ? tuple_len(pre) : 1;
    for (int64_t i = 0; i < np; i++) {
        Value p = tuple ? tuple_items(pre)[i] : pre;
        if (!IS_STR(p)) {
            if (tuple)
                return vm_raise(vm, &exc_TypeError, "tuple for %s must only contain str, not %s", fname, v_type(p)->name);
            return vm_raise(vm, &exc_TypeError, "%s first arg must be str or a tuple of str, not %s", fname, v_type(p)->name);
        }
        /* CPython's tailmatch: the match must fit in [start, end) */
        if (c1 - AS(Str, p)->nchars < c0) continue;
        int64_t pl = str_len(p);
        if (pl == 0) return V_TRUE;
        int64_t at = ends ? byte_offset(vm, SELF, c1) - pl : byte_offset(vm, SELF, c0);
        if (memcmp(str_cstr(SELF) + at, str_cstr(p), (size_t)pl) == 0) return V_TRUE;
    }
    return V_FALSE;
}
M(m_startswith) { UNUSED; return startsends(vm, args, nargs, false); }
M(m_endswith) { UNUSED; return startsends(vm, args, nargs, true); }

/* strip family: chars is NULL for whitespace */
static Value strip_impl(VM *vm, Value self, Value chars, int which) {
    Str *s = AS(Str, self);
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t lo = 0, hi = s->len;
    if (chars && chars != V_NONE) {
        if (!IS_STR(chars)) return vm_raise(vm, &exc_TypeError, "strip arg must be None or str");
        Str *c = AS(Str, chars);
        if (is_ascii_str(c)) {
            bool set[256] = {false};
            for (int64_t i = 0; i < c->len; i++) set[(unsigned char)c->data[i]] = true;
            if (which & 1) while (lo < hi && p[lo] < 0x80 && set[p[lo]]) lo++;
            if (which & 2) while (hi > lo && p[hi - 1] < 0x80 && set[p[hi - 1]]) hi--;
        } else {
            /* general: decode both */
            if (which & 1) {
                while (lo < hi) {
                    int l;
                    uint32_t cp = utf8_decode(p + lo, &l);
                    bool found = false;
                    for (int64_t j = 0; j < c->len;) {
                        int l2;
                        if (utf8_decode((const unsigned char *)c->data + j, &l2) == cp) { found = true; break; }
                        j += l2;
                    }
                    if (!found) break;
                    lo += l;
                }
            }
            if (which & 2) {
                while (hi > lo) {
                    int64_t b = hi - 1;
                    while ((p[b] & 0xC0) == 0x80) b--;
                    int l;
                    uint32_t cp = utf8_decode(p + b, &l);
                    bool found = false;
                    for (int64_t j = 0; j < c->len;) {
                        int l2;
                        if (utf8_decode((const unsigned char *)c->data + j, &l2) == cp) { found = true; break; }
                        j += l2;
                    }
                    if (!found) break;
                    hi = b;
                }
            }
        }
    } else {
        if (which & 1) {
            while (lo < hi) {
                int l;
                uint32_t cp = utf8_decode(p + lo, &l);
                if (!ucd_isspace(cp)) break;
                lo += l;
            }
        }
        if (which & 2) {
            while (hi > lo) {
                int64_t b = hi - 1;
                while ((p[b] & 0xC0) == 0x80) b--;
                int l;
                if (!ucd_isspace(utf8_decode(p + b, &l))) break;
                hi = b;
            }
        }
    }
    if (lo == 0 && hi == s->len && v_type(self) == &type_str) return self;
    return str_new(vm, s->data + lo, (size_t)(hi - lo));
}
M(m_strip) { (void)kw; return strip_impl(vm, SELF, nargs > 1 ? args[1] : VNULL, 3); }
M(m_lstrip) { (void)kw; return strip_impl(vm, SELF, nargs > 1 ? args[1] : VNULL, 1); }
M(m_rstrip) { (void)kw; return strip_impl(vm, SELF, nargs > 1 ? args[1] : VNULL, 2); }

/* Whether the code point at p[i] is whitespace; its length in *l. */
static inline bool space_at(const unsigned char *p, int64_t i, int *l) {
    unsigned c = p[i];
    if (c < 0x80) {
        *l = 1;
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    /* non-ASCII white space (U+0085, U+00A0, U+1680, U+2000..U+3000) starts with C2, E1, E2 or E3 */
    if (c != 0xC2 && (c < 0xE1 || c > 0xE3)) {
        *l = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        return false;
    }
    return ucd_isspace(utf8_decode(p + i, l));
}

/* Start of the code point ending just before byte i. */
static inline int64_t prev_cp(const unsigned char *p, int64_t i) {
    i--;
    while (i > 0 && (p[i] & 0xC0) == 0x80) i--;
    return i;
}

/* A piece [b0, b1) of self as a new str. */
static Value piece(VM *vm, Value self, int64_t b0, int64_t b1) {
    Str *s = AS(Str, self);
    if (is_ascii_str(s)) return str_new_ascii_or_utf8(vm, s->data + b0, (size_t)(b1 - b0), b1 - b0);
    return str_new(vm, s->data + b0, (size_t)(b1 - b0));
}

static bool add_piece(VM *vm, Value res, Value self, int64_t b0, int64_t b1) {
    Value w = piece(vm, self, b0, b1);
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

/* str.split/rsplit, as CPython's stringlib split*, rsplit*. */
static Value split_impl(VM *vm, Value *args, int nargs, Value kwnames, bool right) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value out[2];
    if (!vm_parse_args(vm, right ? "rsplit" : "split", args + 1, nargs - 1, kwnames, names, 0, 0, out)) return VNULL;
    Value sep = out[0] ? out[0] : V_NONE;
    int64_t maxsplit = -1;
    if (out[1] && !int_arg(vm, out[1], &maxsplit, 64)) return VNULL;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    if (sep != V_NONE) {
        if (!IS_STR(sep)) return vm_raise(vm, &exc_TypeError, "must be str or None, not %s", v_type(sep)->name);
        if (str_len(sep) == 0) return vm_raise(vm, &exc_ValueError, "empty separator");
    }
    Value res = list_new(vm, 0);
    if (!res) return VNULL;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t n = s->len;
    bool ok = true;
    int l;
    if (sep == V_NONE && !right) {
        int64_t i = 0;
        while (maxsplit-- > 0) {
            while (i < n && space_at(p, i, &l)) i += l;
            if (i == n) break;
            int64_t j = i;
            while (i < n && !space_at(p, i, &l)) i += l;
            if (!(ok = add_piece(vm, res, SELF, j, i))) break;
        }
        if (ok && i < n) {
            while (i < n && space_at(p, i, &l)) i += l;
            if (i != n) ok = add_piece(vm, res, SELF, i, n);
        }
    } else if (sep == V_NONE) {
        int64_t i = n;              /* end of the unscanned part */
        while (maxsplit-- > 0) {
            while (i > 0 && space_at(p, prev_cp(p, i), &l)) i = prev_cp(p, i);
            if (i == 0) break;
            int64_t j = i;
            while (i > 0 && !space_at(p, prev_cp(p, i), &l)) i = prev_cp(p, i);
            if (!(ok = add_piece(vm, res, SELF, i, j))) break;
        }
        if (ok && i > 0) {
            while (i > 0 && space_at(p, prev_cp(p, i), &l)) i = prev_cp(p, i);
            if (i > 0) ok = add_piece(vm, res, SELF, 0, i);
        }
    } else {
        const char *sp = str_cstr(sep);
        int64_t sl = str_len(sep);
        if (!right) {
            int64_t i = 0;
            while (maxsplit-- > 0) {
                int64_t j = find_bytes(s->data, n, sp, sl, i);
                if (j < 0) break;
                if (!(ok = add_piece(vm, res, SELF, i, j))) break;
                i = j + sl;
            }
            if (ok) ok = add_piece(vm, res, SELF, i, n);
        } else {
            int64_t i = n;
            while (maxsplit-- > 0) {
                int64_t j = rfind_bytes(s->data, 0, i, sp, sl);
                if (j < 0) break;
                if (!(ok = add_piece(vm, res, SELF, j + sl, i))) break;
                i = j;
            }
            if (ok) ok = add_piece(vm, res, SELF, 0, i);
        }
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
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, res);
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t n = s->len, i = 0, start = 0;
    while (i < n) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        if (ucd_islinebreak(c)) {
            int64_t eol = i + l;
            if (c == '\r' && eol < n && p[eol] == '\n') eol++;
            if (!add_piece(vm, res, SELF, start, keep ? eol : i)) { ROOTS_RESET(vm); return VNULL; }
            start = i = eol;
        } else {
            i += l;
        }
    }
    if (start < n && !add_piece(vm, res, SELF, start, n)) { ROOTS_RESET(vm); return VNULL; }
    ROOTS_RESET(vm);
    return res;
}

M(m_join) { UNUSED; return str_join(vm, SELF, args[1]); }

Value str_join(VM *vm, Value sep, Value iterable) {
    if (!v_type(iterable)->tp_iter && !v_type(iterable)->tp_getitem)
        return vm_raise(vm, &exc_TypeError, "can only join an iterable");
    ROOTS_MARK(vm);
    Value seq = IS_LIST(iterable) ? list_as_tuple(vm, iterable)
                                  : IS_TUPLE(iterable) ? iterable : vm_sequence_to_tuple(vm, iterable);
    if (!seq) return VNULL;
    ROOT_PUSH(vm, seq);
    int64_t n = tuple_len(seq);
    Value *it = tuple_items(seq);
    size_t total = 0;
    int64_t nchars = 0;
    Str *sp = AS(Str, sep);
    for (int64_t i = 0; i < n; i++) {
        if (!IS_STR(it[i])) {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                            v_type(it[i])->name);
        }
        total += (size_t)str_len(it[i]);
        nchars += AS(Str, it[i])->nchars;
    }
    if (n == 1 && v_type(it[0]) == &type_str) { ROOTS_RESET(vm); return it[0]; }
    if (n > 1) {
        total += (size_t)sp->len * (size_t)(n - 1);
        nchars += sp->nchars * (n - 1);
    }
    Value r = str_alloc(vm, total);
    if (!r) { ROOTS_RESET(vm); return VNULL; }
    Str *d = AS(Str, r);
    sp = AS(Str, sep);
    char *w = d->data;
    for (int64_t i = 0; i < n; i++) {
        if (i && sp->len) { memcpy(w, sp->data, (size_t)sp->len); w += sp->len; }
        memcpy(w, str_cstr(it[i]), (size_t)str_len(it[i]));
        w += str_len(it[i]);
    }
    *w = 0;
    d->nchars = nchars;
    ROOTS_RESET(vm);
    return r;
}

M(m_replace) {
    (void)kw;
    if (!IS_STR(args[1]) || !IS_STR(args[2]))
        return vm_raise(vm, &exc_TypeError, "replace() argument %d must be str, not %s", IS_STR(args[1]) ? 2 : 1,
                        arg_tname(IS_STR(args[1]) ? args[2] : args[1]));
    int64_t count = -1;
    if (nargs > 3 && !int_arg(vm, args[3], &count, 64)) return VNULL;
    if (count < 0) count = INT64_MAX;
    Str *s = AS(Str, SELF);
    if (count == 0 && v_type(SELF) == &type_str) return SELF;
    const char *old = str_cstr(args[1]), *nw = str_cstr(args[2]);
    int64_t ol = str_len(args[1]), nl = str_len(args[2]);
    StrBuf sb = STRBUF_INIT;
    if (ol == 0) {
        /* insert between characters */
        const unsigned char *p = (const unsigned char *)s->data;
        int64_t i = 0;
        if (count > 0) { sb_append(&sb, nw, (size_t)nl); count--; }
        while (i < s->len) {
            int l;
            utf8_decode(p + i, &l);
            sb_append(&sb, p + i, (size_t)l);
            i += l;
            if (count > 0) { sb_append(&sb, nw, (size_t)nl); count--; }
        }
        return str_from_sb(vm, &sb);
    }
    int64_t i = 0;
    bool any = false;
    while (count-- > 0) {
        int64_t j = find_bytes(s->data, s->len, old, ol, i);
        if (j < 0) break;
        any = true;
        sb_append(&sb, s->data + i, (size_t)(j - i));
        sb_append(&sb, nw, (size_t)nl);
        i = j + ol;
    }
    if (!any && v_type(SELF) == &type_str) { sb_free(&sb); return SELF; }
    sb_append(&sb, s->data + i, (size_t)(s->len - i));
    return str_from_sb(vm, &sb);
}

typedef int (*CaseFn)(uint32_t, uint32_t[3]);

/* Full lower-case mapping of c, the code point at byte i of p[0..n): U+03A3
 * becomes final sigma when preceded by a cased letter and not followed by
 * one (case-ignorable characters skipped), as CPython's handle_capital_sigma. */
static int lower_at(const unsigned char *p, int64_t n, int64_t i, int l, uint32_t c, uint32_t out[3]) {
    if (c != 0x3A3) return ucd_lower(c, out);
    bool final = false;
    int64_t j = i;
    while (j > 0) {
        int64_t b = j - 1;
        while (b > 0 && (p[b] & 0xC0) == 0x80) b--;
        int l2;
        uint32_t d = utf8_decode(p + b, &l2);
        if (!ucd_iscaseignorable(d)) { final = ucd_iscased(d); break; }
        j = b;
    }
    for (j = i + l; final && j < n;) {
        int l2;
        uint32_t d = utf8_decode(p + j, &l2);
        if (!ucd_iscaseignorable(d)) { final = !ucd_iscased(d); break; }
        j += l2;
    }
    out[0] = final ? 0x3C2 : 0x3C3;
    return 1;
}

enum { CM_LOWER, CM_UPPER, CM_CASEFOLD, CM_SWAP, CM_TITLE, CM_CAPITALIZE };

static Value map_case(VM *vm, Value self, int mode) {
    Str *s = AS(Str, self);
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t n = s->len;
    if (is_ascii_str(s) && mode <= CM_CASEFOLD) {
        Value r = str_alloc(vm, (size_t)n);
        if (!r) return VNULL;
        Str *d = AS(Str, r);
        p = (const unsigned char *)AS(Str, self)->data;
        for (int64_t i = 0; i < n; i++) {
            unsigned char c = p[i];
            if (mode == CM_UPPER) { if (c >= 'a' && c <= 'z') c -= 32; }
            else if (c >= 'A' && c <= 'Z') c += 32;
            d->data[i] = (char)c;
        }
        d->data[n] = 0;
        d->nchars = n;
        return r;
    }
    StrBuf sb = STRBUF_INIT;
    sb_reserve(&sb, (size_t)n);
    bool prev_cased = false;
    for (int64_t i = 0; i < n;) {
        if (p[i] < 0x80 && mode <= CM_SWAP) {
            unsigned char c = p[i++];
            bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
            if (mode == CM_UPPER || (mode == CM_SWAP && low)) { if (low) c -= 32; }
            else if (up) c += 32;
            sb_putc(&sb, (char)c);
            continue;
        }
        int l;
        uint32_t c = utf8_decode(p + i, &l), out[3];
        int k;
        switch (mode) {
        case CM_LOWER: k = lower_at(p, n, i, l, c, out); break;
        case CM_UPPER: k = ucd_upper(c, out); break;
        case CM_CASEFOLD: k = ucd_casefold(c, out); break;
        case CM_SWAP:
            if (ucd_isupper(c)) k = lower_at(p, n, i, l, c, out);
            else if (ucd_islower(c)) k = ucd_upper(c, out);
            else { out[0] = c; k = 1; }
            break;
        case CM_TITLE:
            k = prev_cased ? lower_at(p, n, i, l, c, out) : ucd_title(c, out);
            prev_cased = ucd_iscased(c);
            break;
        default:
            k = i == 0 ? ucd_title(c, out) : lower_at(p, n, i, l, c, out);
            break;
        }
        for (int m = 0; m < k; m++) sb_put_utf8(&sb, out[m]);
        i += l;
    }
    return str_from_sb(vm, &sb);
}

M(m_lower) { UNUSED; return map_case(vm, SELF, CM_LOWER); }
M(m_upper) { UNUSED; return map_case(vm, SELF, CM_UPPER); }
M(m_casefold) { UNUSED; return map_case(vm, SELF, CM_CASEFOLD); }
M(m_swapcase) { UNUSED; return map_case(vm, SELF, CM_SWAP); }
M(m_title) { UNUSED; return map_case(vm, SELF, CM_TITLE); }
M(m_capitalize) { UNUSED; return map_case(vm, SELF, CM_CAPITALIZE); }

typedef bool (*PredFn)(uint32_t);

static Value all_pred(Value self, PredFn f) {
    Str *s = AS(Str, self);
    if (s->len == 0) return V_FALSE;
    const unsigned char *p = (const unsigned char *)s->data;
    for (int64_t i = 0; i < s->len;) {
        int l;
        if (!f(utf8_decode(p + i, &l))) return V_FALSE;
        i += l;
    }
    return V_TRUE;
}

M(m_isalpha) { UNUSED; (void)vm; return all_pred(SELF, ucd_isalpha); }
M(m_isdigit) { UNUSED; (void)vm; return all_pred(SELF, ucd_isdigit); }
M(m_isdecimal) { UNUSED; (void)vm; return all_pred(SELF, ucd_isdecimal); }
M(m_isnumeric) { UNUSED; (void)vm; return all_pred(SELF, ucd_isnumeric); }
M(m_isalnum) { UNUSED; (void)vm; return all_pred(SELF, ucd_isalnum); }
M(m_isspace) { UNUSED; (void)vm; return all_pred(SELF, ucd_isspace); }

M(m_isprintable) {
    UNUSED; (void)vm;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    for (int64_t i = 0; i < s->len;) {
        int l;
        if (!ucd_isprintable(utf8_decode(p + i, &l))) return V_FALSE;
        i += l;
    }
    return V_TRUE;
}

M(m_isascii) { UNUSED; (void)vm; return v_bool(is_ascii_str(AS(Str, SELF))); }

M(m_islower) {
    UNUSED; (void)vm;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    bool cased = false;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        if (ucd_isupper(c) || ucd_istitle(c)) return V_FALSE;
        if (ucd_islower(c)) cased = true;
        i += l;
    }
    return v_bool(cased);
}

M(m_isupper) {
    UNUSED; (void)vm;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    bool cased = false;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        if (ucd_islower(c) || ucd_istitle(c)) return V_FALSE;
        if (ucd_isupper(c)) cased = true;
        i += l;
    }
    return v_bool(cased);
}

M(m_istitle) {
    UNUSED; (void)vm;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    bool cased = false, prev_cased = false;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        if (ucd_isupper(c) || ucd_istitle(c)) {
            if (prev_cased) return V_FALSE;
            prev_cased = cased = true;
        } else if (ucd_islower(c)) {
            if (!prev_cased) return V_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
        i += l;
    }
    return v_bool(cased);
}

bool str_isidentifier(Value self) {
    Str *s = AS(Str, self);
    if (s->len == 0) return false;
    const unsigned char *p = (const unsigned char *)s->data;
    int l;
    if (!ucd_isxid_start(utf8_decode(p, &l))) return false;
    for (int64_t i = l; i < s->len;) {
        if (!ucd_isxid_continue(utf8_decode(p + i, &l))) return false;
        i += l;
    }
    return true;
}
M(m_isidentifier) { UNUSED; (void)vm; return v_bool(str_isidentifier(SELF)); }

static Value pad(VM *vm, Value self, int64_t left, int64_t right, uint32_t fill) {
    if (left <= 0 && right <= 0 && v_type(self) == &type_str) return self;
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if ((uint64_t)(left + right) > (SIZE_MAX >> 4)) return vm_raise_nomem(vm);
    StrBuf sb = STRBUF_INIT;
    if (fill < 0x80) sb_fill(&sb, (char)fill, (size_t)left);
    else for (int64_t i = 0; i < left; i++) sb_put_utf8(&sb, fill);
    sb_append(&sb, str_cstr(self), (size_t)str_len(self));
    if (fill < 0x80) sb_fill(&sb, (char)fill, (size_t)right);
    else for (int64_t i = 0; i < right; i++) sb_put_utf8(&sb, fill);
    return str_from_sb(vm, &sb);
}

static bool get_fill(VM *vm, Value *args, int nargs, uint32_t *fill) {
    *fill = ' ';
    if (nargs > 2) {
        if (!IS_STR(args[2])) {
            vm_raise(vm, &exc_TypeError, "The fill character must be a unicode character, not %s", v_type(args[2])->name);
            return false;
        }
        if (AS(Str, args[2])->nchars != 1) {
            vm_raise(vm, &exc_TypeError, "The fill character must be exactly one character long");
            return false;
        }
        *fill = str_char_at(args[2], 0);
    }
    return true;
}

static Value justify(VM *vm, Value *args, int nargs, int mode) {
    int64_t width;
    uint32_t fill;
    if (!int_arg(vm, args[1], &width, 64) || !get_fill(vm, args, nargs, &fill)) return VNULL;
    int64_t n = AS(Str, SELF)->nchars, extra = width - n;
    if (extra <= 0) return pad(vm, SELF, 0, 0, fill);
    if (mode == 0) return pad(vm, SELF, 0, extra, fill);
    if (mode == 1) return pad(vm, SELF, extra, 0, fill);
    int64_t left = extra / 2 + (extra & width & 1);
    return pad(vm, SELF, left, extra - left, fill);
}
M(m_ljust) { (void)kw; return justify(vm, args, nargs, 0); }
M(m_rjust) { (void)kw; return justify(vm, args, nargs, 1); }
M(m_center) { (void)kw; return justify(vm, args, nargs, 2); }

M(m_zfill) {
    UNUSED;
    int64_t width;
    if (!int_arg(vm, args[1], &width, 64)) return VNULL;
    Str *s = AS(Str, SELF);
    int64_t fill = width - s->nchars;
    if (fill <= 0) return pad(vm, SELF, 0, 0, ' ');
    StrBuf sb = STRBUF_INIT;
    int64_t start = 0;
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {
        sb_putc(&sb, s->data[0]);
        start = 1;
    }
    sb_fill(&sb, '0', (size_t)fill);
    sb_append(&sb, s->data + start, (size_t)(s->len - start));
    return str_from_sb(vm, &sb);
}

M(m_expandtabs) {
    static const char *const names[] = {"tabsize", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "expandtabs", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int64_t ts = 8;
    if (out[0] && !int_arg(vm, out[0], &ts, 32)) return VNULL;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    StrBuf sb = STRBUF_INIT;
    int64_t col = 0;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        if (c == '\t') {
            if (ts > 0) {
                int64_t sp = ts - col % ts;
                sb_fill(&sb, ' ', (size_t)sp);
                col += sp;
            }
        } else {
            sb_append(&sb, p + i, (size_t)l);
            col++;
            if (c == '\n' || c == '\r') col = 0;
        }
        i += l;
    }
    return str_from_sb(vm, &sb);
}

static Value partition_impl(VM *vm, Value self, Value sep, bool right) {
    if (!IS_STR(sep)) return vm_raise(vm, &exc_TypeError, "must be str, not %s", v_type(sep)->name);
    if (str_len(sep) == 0) return vm_raise(vm, &exc_ValueError, "empty separator");
    Str *s = AS(Str, self);
    int64_t j = right ? rfind_bytes(s->data, 0, s->len, str_cstr(sep), str_len(sep))
                      : find_bytes(s->data, s->len, str_cstr(sep), str_len(sep), 0);
    ROOTS_MARK(vm);
    Value a, b, c;
    if (j < 0) {
        a = right ? NM(empty) : self;
        b = NM(empty);
        c = right ? self : NM(empty);
    } else {
        a = str_new(vm, s->data, (size_t)j);
        if (!a) return VNULL;
        ROOT_PUSH(vm, a);
        b = sep;
        c = str_new(vm, s->data + j + str_len(sep), (size_t)(s->len - j - str_len(sep)));
        if (!c) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, c);
    }
    Value t = tuple_pack(vm, 3, a, b, c);
    ROOTS_RESET(vm);
    return t;
}
M(m_partition) { UNUSED; return partition_impl(vm, SELF, args[1], false); }
M(m_rpartition) { UNUSED; return partition_impl(vm, SELF, args[1], true); }

static Value remove_affix(VM *vm, Value self, Value a, bool suffix) {
    if (!IS_STR(a))
        return vm_raise(vm, &exc_TypeError, "%s() argument must be str, not %s", suffix ? "removesuffix" : "removeprefix",
                        arg_tname(a));
    Str *s = AS(Str, self);
    int64_t pl = str_len(a);
    if (pl && pl <= s->len && memcmp(s->data + (suffix ? s->len - pl : 0), str_cstr(a), (size_t)pl) == 0)
        return str_new_ascii_or_utf8(vm, s->data + (suffix ? 0 : pl), (size_t)(s->len - pl),
                                     s->nchars - AS(Str, a)->nchars);
    return str_str(vm, self);
}
M(m_removeprefix) { UNUSED; return remove_affix(vm, SELF, args[1], false); }
M(m_removesuffix) { UNUSED; return remove_affix(vm, SELF, args[1], true); }

/* A str parameter of a clinic-parsed method: "f() argument 'name' must be str, not T". */
static bool str_param(VM *vm, const char *fname, const char *pname, Value v) {
    if (!v || IS_STR(v)) return true;
    vm_raise(vm, &exc_TypeError, "%s() argument '%s' must be str, not %s", fname, pname, arg_tname(v));
    return false;
}

M(m_encode) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "encode", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    if (!str_param(vm, "encode", "encoding", out[0]) || !str_param(vm, "encode", "errors", out[1])) return VNULL;
    return codec_encode(vm, SELF, out[0], out[1]);
}

M(m_maketrans) {
    (void)kw;
    /* args[0] is the type (a static method called through the class or an instance) */
    int given = nargs - 1;
    if (given < 1) return vm_raise(vm, &exc_TypeError, "maketrans expected at least 1 argument, got %d", given);
    if (given > 3) return vm_raise(vm, &exc_TypeError, "maketrans expected at most 3 arguments, got %d", given);
    Value x = args[1], y = given > 1 ? args[2] : VNULL, z = given > 2 ? args[3] : VNULL;
    if (y && !IS_STR(y)) return vm_raise(vm, &exc_TypeError, "maketrans() argument 2 must be str, not %s", arg_tname(y));
    if (z && !IS_STR(z)) return vm_raise(vm, &exc_TypeError, "maketrans() argument 3 must be str, not %s", arg_tname(z));
    Value d = dict_new(vm);
    if (!d) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    if (!y) {
        if (!IS_DICT(x)) {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        int64_t pos = 0;
        Value k, v;
        while (dict_next(vm, x, &pos, &k, &v)) {
            Value key = k;
            if (IS_STR(k)) {
                if (AS(Str, k)->nchars != 1) {
                    ROOTS_RESET(vm);
                    return vm_raise(vm, &exc_ValueError, "string keys in translate table must be of length 1");
                }
                key = v_from_small(str_char_at(k, 0));
            } else if (!v_is_intlike(k)) {
                ROOTS_RESET(vm);
                return vm_raise(vm, &exc_TypeError, "keys in translate table must be strings or integers");
            }
            if (dict_set(vm, d, key, v) < 0) { ROOTS_RESET(vm); return VNULL; }
        }
        ROOTS_RESET(vm);
        return d;
    }
    if (!IS_STR(x)) {
        ROOTS_RESET(vm);
        return vm_raise(vm, &exc_TypeError, "first maketrans argument must be a string if there is a second argument");
    }
    if (AS(Str, x)->nchars != AS(Str, y)->nchars) {
        ROOTS_RESET(vm);
        return vm_raise(vm, &exc_ValueError, "the first two maketrans arguments must have equal length");
    }
    const unsigned char *px = (const unsigned char *)str_cstr(x), *py = (const unsigned char *)str_cstr(y);
    for (int64_t i = 0, j = 0; i < str_len(x);) {
        int lx, ly;
        uint32_t cx = utf8_decode(px + i, &lx), cy = utf8_decode(py + j, &ly);
        if (dict_set(vm, d, v_from_small(cx), v_from_small(cy)) < 0) { ROOTS_RESET(vm); return VNULL; }
        i += lx;
        j += ly;
    }
    if (z) {
        const unsigned char *pz = (const unsigned char *)str_cstr(z);
        for (int64_t i = 0; i < str_len(z);) {
            int l;
            uint32_t c = utf8_decode(pz + i, &l);
            if (dict_set(vm, d, v_from_small(c), V_NONE) < 0) { ROOTS_RESET(vm); return VNULL; }
            i += l;
        }
    }
    ROOTS_RESET(vm);
    return d;
}

M(m_translate) {
    UNUSED;
    Value table = args[1];
    StrBuf sb = STRBUF_INIT;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, table);
    for (int64_t i = 0; i < str_len(SELF);) {
        const unsigned char *p = (const unsigned char *)str_cstr(SELF);
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        Value r = vm_getitem(vm, table, v_from_small(c));
        if (!r) {
            if (!vm_exc_matches(vm, &exc_LookupError)) goto fail;
            vm_exc_clear(vm);
            sb_append(&sb, str_cstr(SELF) + i, (size_t)l);
        } else if (r == V_NONE) {
        } else if (v_is_intlike(r)) {
            int64_t cp;
            if (!int_to_i64(v_int_value(r), &cp) || cp < 0 || cp > 0x10FFFF) {
                vm_raise(vm, &exc_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            sb_put_utf8(&sb, (uint32_t)cp);
        } else if (IS_STR(r)) {
            sb_append(&sb, str_cstr(r), (size_t)str_len(r));
        } else {
            vm_raise(vm, &exc_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
        i += l;
    }
    ROOTS_RESET(vm);
    return str_from_sb(vm, &sb);
fail:
    ROOTS_RESET(vm);
    sb_free(&sb);
    return VNULL;
}

M(m_format) { return str_format_method(vm, SELF, args + 1, nargs - 1, kw); }

M(m_format_map) {
    UNUSED;
    /* format_map(mapping): like format(**mapping) but with lookups on the mapping */
    Value kwargs = args[1];
    return str_format_map(vm, SELF, kwargs);
}

M(m_dunder_format) {
    UNUSED;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "__format__() argument must be str, not %s", arg_tname(args[1]));
    Value s = str_str(vm, SELF);
    return s ? vm_format_value(vm, s, args[1]) : VNULL;
}

M(m_getnewargs) {
    UNUSED;
    Value s = str_str(vm, SELF);
    if (!s) return VNULL;
    return tuple_pack(vm, 1, s);
}

M(m_sizeof) { UNUSED; (void)vm; return v_from_small((int64_t)sizeof(Str) + str_len(SELF) + 1); }

M(m_getitem) { UNUSED; return str_getitem(vm, SELF, args[1]); }

static Value str_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    if (nargs == 1 && !kwnames && t == &type_str) return vm_str(vm, args[0]);
    Value out[3];
    if (!vm_parse_args(vm, "str", args, nargs, kwnames, names, 0, 0, out)) return VNULL;
    Value r;
    if (!out[0]) r = NM(empty);
    else if (out[1] || out[2]) {
        if (!str_param(vm, "str", "encoding", out[1]) || !str_param(vm, "str", "errors", out[2])) return VNULL;
        const unsigned char *p;
        size_t n;
        if (IS_STR(out[0])) return vm_raise(vm, &exc_TypeError, "decoding str is not supported");
        if (!bytes_like(vm, out[0], &p, &n))
            return vm_raise(vm, &exc_TypeError, "decoding to str: need a bytes-like object, %s found", v_type(out[0])->name);
        r = codec_decode(vm, p, n, out[1], out[2]);
    } else r = vm_str(vm, out[0]);
    if (!r || t == &type_str) return r;
    /* subclass instance: copy the text into the subclass layout */
    Str *src = AS(Str, r);
    size_t base = (sizeof(Str) + (size_t)src->len + 1 + 7) & ~(size_t)7;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    Str *s = gc_alloc(vm, t, base + sizeof(AttrArea) + t->inline_slots * sizeof(Value));
    ROOTS_RESET(vm);
    if (!s) return VNULL;
    src = AS(Str, r);
    s->hash = -1;
    s->len = src->len;
    s->nchars = src->nchars;
    memcpy(s->data, src->data, (size_t)src->len + 1);
    obj_attrs(v_from_ptr(s))->shape = t->root_shape;
    return v_from_ptr(s);
}

static const MethodDef str_methods[] = {
    {"find", m_find, 1, -1, 0, NULL}, {"rfind", m_rfind, 1, -1, 0, NULL},
    {"index", m_index, 1, -1, 0, NULL}, {"rindex", m_rindex, 1, -1, 0, NULL},
    {"count", m_count, 1, -1, 0, NULL},
    {"startswith", m_startswith, 1, -1, 0, NULL}, {"endswith", m_endswith, 1, -1, 0, NULL},
    {"strip", m_strip, 1, 2, 0, NULL}, {"lstrip", m_lstrip, 1, 2, 0, NULL}, {"rstrip", m_rstrip, 1, 2, 0, NULL},
    {"split", m_split, 1, -1, MF_KW, NULL}, {"rsplit", m_rsplit, 1, -1, MF_KW, NULL},
    {"splitlines", m_splitlines, 1, -1, MF_KW, NULL},
    {"join", m_join, 2, 2, 0, NULL}, {"replace", m_replace, 3, 4, 0, NULL},
    {"lower", m_lower, 1, 1, 0, NULL}, {"upper", m_upper, 1, 1, 0, NULL},
    {"casefold", m_casefold, 1, 1, 0, NULL}, {"swapcase", m_swapcase, 1, 1, 0, NULL},
    {"title", m_title, 1, 1, 0, NULL}, {"capitalize", m_capitalize, 1, 1, 0, NULL},
    {"isalpha", m_isalpha, 1, 1, 0, NULL}, {"isdigit", m_isdigit, 1, 1, 0, NULL},
    {"isdecimal", m_isdecimal, 1, 1, 0, NULL}, {"isnumeric", m_isnumeric, 1, 1, 0, NULL},
    {"isalnum", m_isalnum, 1, 1, 0, NULL}, {"isspace", m_isspace, 1, 1, 0, NULL},
    {"isprintable", m_isprintable, 1, 1, 0, NULL}, {"isascii", m_isascii, 1, 1, 0, NULL},
    {"islower", m_islower, 1, 1, 0, NULL}, {"isupper", m_isupper, 1, 1, 0, NULL},
    {"istitle", m_istitle, 1, 1, 0, NULL}, {"isidentifier", m_isidentifier, 1, 1, 0, NULL},
    {"ljust", m_ljust, 2, 3, 0, NULL}, {"rjust", m_rjust, 2, 3, 0, NULL}, {"center", m_center, 2, 3, 0, NULL},
    {"zfill", m_zfill, 2, 2, 0, NULL}, {"expandtabs", m_expandtabs, 1, -1, MF_KW, NULL},
    {"partition", m_partition, 2, 2, 0, NULL}, {"rpartition", m_rpartition, 2, 2, 0, NULL},
    {"removeprefix", m_removeprefix, 2, 2, 0, NULL}, {"removesuffix", m_removesuffix, 2, 2, 0, NULL},
    {"encode", m_encode, 1, -1, MF_KW, NULL},
    {"maketrans", m_maketrans, 1, -1, MF_CLASS | MF_STATIC, NULL},
    {"translate", m_translate, 2, 2, 0, NULL},
    {"format", m_format, 1, -1, MF_KW, NULL}, {"format_map", m_format_map, 2, 2, 0, NULL},
    {"__format__", m_dunder_format, 2, 2, 0, NULL},
    {"__getnewargs__", m_getnewargs, 1, 1, 0, NULL}, {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {"__getitem__", m_getitem, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }
static int str_bool(VM *vm, Value v) { (void)vm; return str_len(v) != 0; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_strindex = { .base = STATIC_HDR, .name = "str_index", .basicsize = sizeof(StrIndex) };
Type type_str = {
    .base = STATIC_HDR, .name = "str", .basicsize = sizeof(Str), .flags = TF_BASETYPE | TF_STR_SUBCLASS | TF_VAR_LAYOUT,
    .trace = str_trace, .tp_new = str_new_fn, .tp_repr = str_repr, .tp_str = str_str,
    .tp_hash = str_hash_slot, .tp_richcompare = str_richcompare, .tp_iter = str_iter, .tp_len = str_len_slot,
    .tp_getitem = str_getitem, .tp_contains = str_contains, .tp_bool = str_bool,
    .nb = {[NB_ADD] = str_add, [NB_MUL] = str_mul, [NB_MOD] = str_mod},
};
Type type_str_iter = { .base = STATIC_HDR, .name = "str_ascii_iterator", .basicsize = sizeof(StrIter),
                       .trace = striter_trace, .tp_iter = self_iter, .tp_iternext = striter_next };

/* the characters not yet produced: the UTF-8 lead bytes after boff */
static Value striter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    StrIter *it = AS(StrIter, args[0]);
    Value sv = RD(vm, it, it->s);
    if (!sv) return v_from_small(0);
    Str *s = AS(Str, sv);
    int64_t n = 0;
    for (int64_t i = RDW(vm, it, it->boff); i < s->len; i++)
        n += ((unsigned char)s->data[i] & 0xC0) != 0x80;
    return v_from_small(n);
}

static const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

void str_init_types(void) {
    intern_lock = plat_mutex_new();
    atomic_store(&intern_tab, itab_new(1024));
    type_ready(&type_strindex);
    type_ready(&type_str);
    type_ready(&type_str_iter);
    type_add_methods(&type_str_iter, striter_methods);
}

/* After the names exist (needs a VM to allocate). */
void str_init_objects(VM *vm) {
    type_add_methods(&type_str, str_methods);
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        ascii_chars[c] = intern_bytes(vm, &ch, 1, VNULL);
        gc_add_root(&ascii_chars[c]);
    }
    for (int c = 128; c < 256; c++) {
        StrBuf sb = STRBUF_INIT;
        sb_put_utf8(&sb, (uint32_t)c);
        latin1_chars[c - 128] = str_new_ascii_or_utf8(vm, sb.data, sb.len, 1);
        sb_free(&sb);
        gc_add_root(&latin1_chars[c - 128]);
    }
}
