/* str.c - str: immutable Unicode text stored as UTF-8.
 *
 * A Str keeps its UTF-8 bytes (NUL-terminated), its byte length and its
 * code-point count; it is ASCII iff both are equal, and ASCII strings index
 * in O(1).  A non-ASCII string longer than STRIDX_STEP code points gets a
 * lazily built index of the byte offset of every STRIDX_STEP-th code point,
 * so indexing stays O(1)-ish.  The hash is cached (a benign race: every
 * thread computes the same value).
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

static VM *str_vm_for_index;   /* set by callers that can allocate */

int64_t str_byte_offset(Value v, int64_t i) {
    Str *s = AS(Str, v);
    if (is_ascii_str(s)) return i;
    if (i >= s->nchars) return s->len;
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t b = 0, c = 0;
    StrIndex *ix = (StrIndex *)__atomic_load_n(&s->index, __ATOMIC_ACQUIRE);
    if (!ix && s->nchars > STRIDX_STEP * 2 && str_vm_for_index) ix = build_index(str_vm_for_index, s);
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

uint32_t str_char_at(Value v, int64_t i) {
    Str *s = AS(Str, v);
    if (is_ascii_str(s)) return (unsigned char)s->data[i];
    int len;
    return utf8_decode((const unsigned char *)s->data + str_byte_offset(v, i), &len);
}

Value str_substr(VM *vm, Value v, int64_t start, int64_t stop) {
    Str *s = AS(Str, v);
    if (start <= 0 && stop >= s->nchars && v_type(v) == &type_str) return v;
    if (stop <= start) return NM(empty);
    str_vm_for_index = vm;
    int64_t b0 = str_byte_offset(v, start);
    int64_t b1 = is_ascii_str(s) ? stop : b0 + (str_byte_offset(v, stop) - b0);
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
        str_vm_for_index = vm;
        return str_from_codepoint(vm, str_char_at(self, i));
    }
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return VNULL;
        if (step == 1) return str_substr(vm, self, start, start + len);
        StrBuf sb = STRBUF_INIT;
        str_vm_for_index = vm;
        for (int64_t i = 0, j = start; i < len; i++, j += step) {
            if (is_ascii_str(s)) sb_putc(&sb, s->data[j]);
            else sb_put_utf8(&sb, str_char_at(self, j));
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
    return str_from_codepoint(vm, str_char_at(self, i));
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
        if (IS_STR(a) && !v_type(b)->nb[NB_MUL])
            return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(k)->name);
        return V_NOTIMPL;
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

static Value striter_next(VM *vm, Value self) {
    StrIter *it = AS(StrIter, self);
    if (!it->s) return VNULL;
    Str *s = AS(Str, it->s);
    if (it->boff >= s->len) {
        it->s = VNULL;
        return VNULL;
    }
    const unsigned char *p = (const unsigned char *)s->data + it->boff;
    if (*p < 0x80) {
        it->boff++;
        return ascii_chars[*p];
    }
    int l;
    uint32_t c = utf8_decode(p, &l);
    it->boff += l;
    return str_from_codepoint(vm, c);
}

/* ======================= methods ======================= */
#define SELF args[0]
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

/* Code-point range [start, end) from optional args → byte range. */
static bool cp_range(VM *vm, Value self, Value *args, int nargs, int first, int64_t *b0, int64_t *b1,
                     int64_t *c0, int64_t *c1) {
    int64_t n = AS(Str, self)->nchars, lo = 0, hi = n;
    if (nargs > first && args[first] != V_NONE) {
        if (!vm_index_i64(vm, args[first], &lo, NULL)) return false;
        if (lo < 0) { lo += n; if (lo < 0) lo = 0; }
    }
    if (nargs > first + 1 && args[first + 1] != V_NONE) {
        if (!vm_index_i64(vm, args[first + 1], &hi, NULL)) return false;
        if (hi < 0) { hi += n; if (hi < 0) hi = 0; }
    }
    if (hi > n) hi = n;
    str_vm_for_index = vm;
    *c0 = lo;
    *c1 = hi;
    if (lo > n) { *b0 = *b1 = -1; return true; }
    *b0 = str_byte_offset(self, lo);
    *b1 = hi < lo ? *b0 : str_byte_offset(self, hi);
    return true;
}

static int64_t byte_to_cp(Value self, int64_t b) {
    if (is_ascii_str(AS(Str, self))) return b;
    return utf8_count(str_cstr(self), (size_t)b);
}

static Value find_impl(VM *vm, Value *args, int nargs, bool reverse, bool raise) {
    if (!IS_STR(args[1]))
        return vm_raise(vm, &exc_TypeError, "must be str, not %s", v_type(args[1])->name);
    int64_t b0, b1, c0, c1;
    if (!cp_range(vm, SELF, args, nargs, 2, &b0, &b1, &c0, &c1)) return VNULL;
    int64_t r = -1;
    if (b0 >= 0 && c1 >= c0) {
        const char *h = str_cstr(SELF);
        if (reverse) r = rfind_bytes(h, b0, b1, str_cstr(args[1]), str_len(args[1]));
        else {
            r = find_bytes(h, b1, str_cstr(args[1]), str_len(args[1]), b0);
        }
    }
    if (r < 0) {
        if (raise) return vm_raise(vm, &exc_ValueError, "substring not found");
        return v_from_small(-1);
    }
    return v_from_small(byte_to_cp(SELF, r));
}

M(m_find) { UNUSED; return find_impl(vm, args, nargs, false, false); }
M(m_rfind) { UNUSED; return find_impl(vm, args, nargs, true, false); }
M(m_index) { UNUSED; return find_impl(vm, args, nargs, false, true); }
M(m_rindex) { UNUSED; return find_impl(vm, args, nargs, true, true); }

M(m_count) {
    (void)kw;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "must be str, not %s", v_type(args[1])->name);
    int64_t b0, b1, c0, c1;
    if (!cp_range(vm, SELF, args, nargs, 2, &b0, &b1, &c0, &c1)) return VNULL;
    if (b0 < 0 || c1 < c0) return v_from_small(0);
    int64_t nl = str_len(args[1]);
    if (nl == 0) return v_from_small(c1 - c0 + 1);
    int64_t count = 0, p = b0;
    const char *h = str_cstr(SELF);
    while ((p = find_bytes(h, b1, str_cstr(args[1]), nl, p)) >= 0) {
        count++;
        p += nl;
    }
    return v_from_small(count);
}

static Value startsends(VM *vm, Value *args, int nargs, bool ends) {
    int64_t b0, b1, c0, c1;
    if (!cp_range(vm, SELF, args, nargs, 2, &b0, &b1, &c0, &c1)) return VNULL;
    Value pre = args[1];
    int64_t np = 1;
    Value *items = &pre;
    if (IS_TUPLE(pre)) {
        np = tuple_len(pre);
        items = tuple_items(pre);
    }
    for (int64_t i = 0; i < np; i++) {
        Value p = items[i];
        if (!IS_STR(p)) {
            if (IS_TUPLE(pre))
                return vm_raise(vm, &exc_TypeError, "tuple for %s must only contain str, not %s",
                                ends ? "endswith" : "startswith", v_type(p)->name);
            return vm_raise(vm, &exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                            ends ? "endswith" : "startswith", v_type(p)->name);
        }
        if (b0 < 0 || c1 < c0) {
            if (str_len(p) == 0 && b0 >= 0 && c0 <= AS(Str, SELF)->nchars && c1 >= c0) return V_TRUE;
            continue;
        }
        int64_t pl = str_len(p);
        if (pl > b1 - b0) continue;
        const char *h = str_cstr(SELF) + (ends ? b1 - pl : b0);
        if (memcmp(h, str_cstr(p), (size_t)pl) == 0) return V_TRUE;
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

static Value split_impl(VM *vm, Value *args, int nargs, Value kwnames, bool right) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value out[2];
    if (!vm_parse_args(vm, right ? "rsplit" : "split", args + 1, nargs - 1, kwnames, names, 0, 0, out)) return VNULL;
    Value sep = out[0] ? out[0] : V_NONE;
    int64_t maxsplit = -1;
    if (out[1] && !vm_index_i64(vm, out[1], &maxsplit, NULL)) return VNULL;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    Value res = list_new(vm, 0);
    if (!res) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, res);
    Str *s = AS(Str, SELF);
    const char *d = s->data;
    int64_t n = s->len;
    if (sep == V_NONE) {
        const unsigned char *p = (const unsigned char *)d;
        if (!right) {
            int64_t i = 0;
            while (true) {
                while (i < n) {
                    int l;
                    if (!ucd_isspace(utf8_decode(p + i, &l))) break;
                    i += l;
                }
                if (i >= n) break;
                if (maxsplit-- == 0) {
                    int64_t e = n;
                    while (e > i) {
                        int64_t b = e - 1;
                        while ((p[b] & 0xC0) == 0x80) b--;
                        int l;
                        if (!ucd_isspace(utf8_decode(p + b, &l))) break;
                        e = b;
                    }
                    Value w = str_new(vm, d + i, (size_t)(e - i));
                    if (!w || !list_append(vm, res, w)) goto fail;
                    break;
                }
                int64_t j = i;
                while (j < n) {
                    int l;
                    if (ucd_isspace(utf8_decode(p + j, &l))) break;
                    j += l;
                }
                Value w = str_new(vm, d + i, (size_t)(j - i));
                if (!w || !list_append(vm, res, w)) goto fail;
                i = j;
            }
        } else {
            int64_t i = n;
            while (true) {
                while (i > 0) {
                    int64_t b = i - 1;
                    while ((p[b] & 0xC0) == 0x80) b--;
                    int l;
                    if (!ucd_isspace(utf8_decode(p + b, &l))) break;
                    i = b;
                }
                if (i <= 0) break;
                if (maxsplit-- == 0) {
                    int64_t st = 0;
                    while (st < i) {
                        int l;
                        if (!ucd_isspace(utf8_decode(p + st, &l))) break;
                        st += l;
                    }
                    Value w = str_new(vm, d + st, (size_t)(i - st));
                    if (!w || !list_append(vm, res, w)) goto fail;
                    break;
                }
                int64_t j = i;
                while (j > 0) {
                    int64_t b = j - 1;
                    while ((p[b] & 0xC0) == 0x80) b--;
                    int l;
                    if (ucd_isspace(utf8_decode(p + b, &l))) break;
                    j = b;
                }
                Value w = str_new(vm, d + j, (size_t)(i - j));
                if (!w || !list_append(vm, res, w)) goto fail;
                i = j;
            }
            /* reverse */
            int64_t m = list_len(vm, res);
            for (int64_t a = 0, b = m - 1; a < b; a++, b--) {
                Value t = list_get(vm, res, a);
                list_set(vm, res, a, list_get(vm, res, b));
                list_set(vm, res, b, t);
            }
        }
        ROOTS_RESET(vm);
        return res;
    }
    if (!IS_STR(sep)) {
        ROOTS_RESET(vm);
        return vm_raise(vm, &exc_TypeError, "must be str or None, not %s", v_type(sep)->name);
    }
    int64_t sl = str_len(sep);
    if (sl == 0) {
        ROOTS_RESET(vm);
        return vm_raise(vm, &exc_ValueError, "empty separator");
    }
    const char *sp = str_cstr(sep);
    if (!right) {
        int64_t i = 0;
        while (maxsplit-- > 0) {
            int64_t j = find_bytes(d, n, sp, sl, i);
            if (j < 0) break;
            Value w = str_new(vm, d + i, (size_t)(j - i));
            if (!w || !list_append(vm, res, w)) goto fail;
            i = j + sl;
        }
        Value w = str_new(vm, d + i, (size_t)(n - i));
        if (!w || !list_append(vm, res, w)) goto fail;
    } else {
        int64_t i = n;
        while (maxsplit-- > 0) {
            int64_t j = rfind_bytes(d, 0, i, sp, sl);
            if (j < 0) break;
            Value w = str_new(vm, d + j + sl, (size_t)(i - j - sl));
            if (!w || !list_append(vm, res, w)) goto fail;
            i = j;
        }
        Value w = str_new(vm, d, (size_t)i);
        if (!w || !list_append(vm, res, w)) goto fail;
        int64_t m = list_len(vm, res);
        for (int64_t a = 0, b = m - 1; a < b; a++, b--) {
            Value t = list_get(vm, res, a);
            list_set(vm, res, a, list_get(vm, res, b));
            list_set(vm, res, b, t);
        }
    }
    ROOTS_RESET(vm);
    return res;
fail:
    ROOTS_RESET(vm);
    return VNULL;
}
M(m_split) { return split_impl(vm, args, nargs, kw, false); }
M(m_rsplit) { return split_impl(vm, args, nargs, kw, true); }

M(m_splitlines) {
    static const char *const names[] = {"keepends", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "splitlines", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    int keep = 0;
    if (out[0]) {
        keep = vm_truthy(vm, out[0]);
        if (keep < 0) return VNULL;
    }
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
            Value w = str_new(vm, s->data + start, (size_t)((keep ? eol : i) - start));
            if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
            start = i = eol;
        } else {
            i += l;
        }
    }
    if (start < n) {
        Value w = str_new(vm, s->data + start, (size_t)(n - start));
        if (!w || !list_append(vm, res, w)) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return res;
}

M(m_join) { UNUSED; return str_join(vm, SELF, args[1]); }

Value str_join(VM *vm, Value sep, Value iterable) {
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
                        v_type(IS_STR(args[1]) ? args[2] : args[1])->name);
    int64_t count = -1;
    if (nargs > 3 && !vm_index_i64(vm, args[3], &count, NULL)) return VNULL;
    if (count < 0) count = INT64_MAX;
    Str *s = AS(Str, SELF);
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

static Value map_case(VM *vm, Value self, CaseFn fn, bool sigma) {
    Str *s = AS(Str, self);
    const unsigned char *p = (const unsigned char *)s->data;
    StrBuf sb = STRBUF_INIT;
    if (is_ascii_str(s) && (fn == ucd_lower || fn == ucd_upper || fn == ucd_casefold)) {
        sb_reserve(&sb, (size_t)s->len);
        bool up = fn == ucd_upper;
        for (int64_t i = 0; i < s->len; i++) {
            unsigned char c = p[i];
            if (up) { if (c >= 'a' && c <= 'z') c -= 32; }
            else if (c >= 'A' && c <= 'Z') c += 32;
            sb_putc(&sb, (char)c);
        }
        return str_from_sb(vm, &sb);
    }
    int64_t i = 0;
    while (i < s->len) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        uint32_t out[3];
        int n;
        if (sigma && c == 0x3A3) {
            /* final sigma: preceded by a cased letter (skipping case-ignorables)
             * and not followed by one */
            bool before = false, after = false;
            int64_t j = i;
            while (j > 0) {
                int64_t b = j - 1;
                while ((p[b] & 0xC0) == 0x80) b--;
                int l2;
                uint32_t d = utf8_decode(p + b, &l2);
                if (ucd_iscaseignorable(d)) { j = b; continue; }
                before = ucd_iscased(d);
                break;
            }
            j = i + l;
            while (j < s->len) {
                int l2;
                uint32_t d = utf8_decode(p + j, &l2);
                if (ucd_iscaseignorable(d)) { j += l2; continue; }
                after = ucd_iscased(d);
                break;
            }
            out[0] = (before && !after) ? 0x3C2 : 0x3C3;
            n = 1;
        } else {
            n = fn(c, out);
        }
        for (int k = 0; k < n; k++) sb_put_utf8(&sb, out[k]);
        i += l;
    }
    return str_from_sb(vm, &sb);
}

M(m_lower) { UNUSED; return map_case(vm, SELF, ucd_lower, true); }
M(m_upper) { UNUSED; return map_case(vm, SELF, ucd_upper, false); }
M(m_casefold) { UNUSED; return map_case(vm, SELF, ucd_casefold, false); }

M(m_swapcase) {
    UNUSED;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    StrBuf sb = STRBUF_INIT;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l), out[3];
        int n;
        if (ucd_isupper(c)) n = ucd_lower(c, out);
        else if (ucd_islower(c)) n = ucd_upper(c, out);
        else { out[0] = c; n = 1; }
        for (int k = 0; k < n; k++) sb_put_utf8(&sb, out[k]);
        i += l;
    }
    return str_from_sb(vm, &sb);
}

M(m_title) {
    UNUSED;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    StrBuf sb = STRBUF_INIT;
    bool prev_cased = false;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l), out[3];
        int n = prev_cased ? ucd_lower(c, out) : ucd_title(c, out);
        for (int k = 0; k < n; k++) sb_put_utf8(&sb, out[k]);
        prev_cased = ucd_iscased(c);
        i += l;
    }
    return str_from_sb(vm, &sb);
}

M(m_capitalize) {
    UNUSED;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    StrBuf sb = STRBUF_INIT;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l), out[3];
        int n = i == 0 ? ucd_title(c, out) : ucd_lower(c, out);
        if (i != 0 && c == 0x3A3) {
            /* rely on lower() for the sigma rule */
            n = ucd_lower(c, out);
        }
        for (int k = 0; k < n; k++) sb_put_utf8(&sb, out[k]);
        i += l;
    }
    return str_from_sb(vm, &sb);
}

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
    StrBuf sb = STRBUF_INIT;
    for (int64_t i = 0; i < left; i++) sb_put_utf8(&sb, fill);
    sb_append(&sb, str_cstr(self), (size_t)str_len(self));
    for (int64_t i = 0; i < right; i++) sb_put_utf8(&sb, fill);
    return str_from_sb(vm, &sb);
}

static bool get_fill(VM *vm, Value *args, int nargs, uint32_t *fill) {
    *fill = ' ';
    if (nargs > 2) {
        if (!IS_STR(args[2]) || AS(Str, args[2])->nchars != 1) {
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
    if (!vm_index_i64(vm, args[1], &width, NULL) || !get_fill(vm, args, nargs, &fill)) return VNULL;
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
    if (!vm_index_i64(vm, args[1], &width, NULL)) return VNULL;
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
    if (out[0] && !vm_index_i64(vm, out[0], &ts, NULL)) return VNULL;
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

M(m_removeprefix) {
    UNUSED;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "removeprefix() argument must be str, not %s", v_type(args[1])->name);
    Str *s = AS(Str, SELF);
    int64_t pl = str_len(args[1]);
    if (pl <= s->len && memcmp(s->data, str_cstr(args[1]), (size_t)pl) == 0)
        return str_new(vm, s->data + pl, (size_t)(s->len - pl));
    return str_str(vm, SELF);
}

M(m_removesuffix) {
    UNUSED;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "removesuffix() argument must be str, not %s", v_type(args[1])->name);
    Str *s = AS(Str, SELF);
    int64_t pl = str_len(args[1]);
    if (pl && pl <= s->len && memcmp(s->data + s->len - pl, str_cstr(args[1]), (size_t)pl) == 0)
        return str_new(vm, s->data, (size_t)(s->len - pl));
    return str_str(vm, SELF);
}

M(m_encode) {
    static const char *const names[] = {"encoding", "errors", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "encode", args + 1, nargs - 1, kw, names, 0, 0, out)) return VNULL;
    const char *enc = out[0] ? str_cstr(out[0]) : "utf-8";
    const char *errors = out[1] ? str_cstr(out[1]) : "strict";
    Str *s = AS(Str, SELF);
    char e[32];
    size_t k = 0;
    for (const char *p = enc; *p && k < sizeof e - 1; p++) e[k++] = (char)((*p == '_') ? '-' : (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
    e[k] = 0;
    if (!strcmp(e, "utf-8") || !strcmp(e, "utf8") || !strcmp(e, "u8")) return bytes_new(vm, s->data, (size_t)s->len);
    bool ascii = !strcmp(e, "ascii") || !strcmp(e, "us-ascii");
    bool latin1 = !strcmp(e, "latin-1") || !strcmp(e, "latin1") || !strcmp(e, "iso-8859-1") || !strcmp(e, "iso8859-1");
    if (!ascii && !latin1) return vm_raise(vm, &exc_LookupError, "unknown encoding: %s", enc);
    uint32_t limit = ascii ? 128 : 256;
    StrBuf sb = STRBUF_INIT;
    const unsigned char *p = (const unsigned char *)s->data;
    int64_t ci = 0;
    for (int64_t i = 0; i < s->len; ci++) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        if (c < limit) sb_putc(&sb, (char)c);
        else if (!strcmp(errors, "ignore")) {}
        else if (!strcmp(errors, "replace")) sb_putc(&sb, '?');
        else {
            sb_free(&sb);
            return vm_raise(vm, &exc_UnicodeEncodeError, "'%s' codec can't encode character '\\u%04x' in position %lld: ordinal not in range(%d)",
                            ascii ? "ascii" : "latin-1", (unsigned)c, (long long)ci, (int)limit);
        }
        i += l;
    }
    Value r = bytes_new(vm, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return r;
}

M(m_maketrans) {
    (void)kw;
    /* args[0] is the type (static method called through the class or instance) */
    Value d = dict_new(vm);
    if (!d) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    int base = 1;
    if (nargs - base == 1) {
        if (!IS_DICT(args[base])) {
            ROOTS_RESET(vm);
            return vm_raise(vm, &exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        int64_t pos = 0;
        Value k, v;
        while (dict_next(vm, args[base], &pos, &k, &v)) {
            Value key = k;
            if (IS_STR(k)) {
                if (AS(Str, k)->nchars != 1) {
                    ROOTS_RESET(vm);
                    return vm_raise(vm, &exc_ValueError, "string keys in translate table must be of length 1");
                }
                key = v_from_small(str_char_at(k, 0));
            }
            if (dict_set(vm, d, key, v) < 0) { ROOTS_RESET(vm); return VNULL; }
        }
        ROOTS_RESET(vm);
        return d;
    }
    if (nargs - base < 2 || !IS_STR(args[base]) || !IS_STR(args[base + 1])) {
        ROOTS_RESET(vm);
        return vm_raise(vm, &exc_TypeError, "maketrans() argument must be str");
    }
    Value x = args[base], y = args[base + 1];
    if (AS(Str, x)->nchars != AS(Str, y)->nchars) {
        ROOTS_RESET(vm);
        return vm_raise(vm, &exc_ValueError, "the first two maketrans arguments must have equal length");
    }
    for (int64_t i = 0; i < AS(Str, x)->nchars; i++)
        if (dict_set(vm, d, v_from_small(str_char_at(x, i)), v_from_small(str_char_at(y, i))) < 0) { ROOTS_RESET(vm); return VNULL; }
    if (nargs - base > 2) {
        Value z = args[base + 2];
        for (int64_t i = 0; i < AS(Str, z)->nchars; i++)
            if (dict_set(vm, d, v_from_small(str_char_at(z, i)), V_NONE) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return d;
}

M(m_translate) {
    UNUSED;
    Str *s = AS(Str, SELF);
    const unsigned char *p = (const unsigned char *)s->data;
    StrBuf sb = STRBUF_INIT;
    ROOTS_MARK(vm);
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode(p + i, &l);
        Value r = vm_getitem(vm, args[1], v_from_small(c));
        if (!r) {
            if (vm_exc_matches(vm, &exc_LookupError)) {
                vm_exc_clear(vm);
                sb_append(&sb, p + i, (size_t)l);
            } else {
                sb_free(&sb);
                return VNULL;
            }
        } else if (r == V_NONE) {
        } else if (v_is_int(r)) {
            int64_t cp = v_int(r);
            if (cp < 0 || cp > 0x10FFFF) {
                sb_free(&sb);
                return vm_raise(vm, &exc_ValueError, "character mapping must be in range(0x110000)");
            }
            sb_put_utf8(&sb, (uint32_t)cp);
        } else if (IS_STR(r)) {
            sb_append(&sb, str_cstr(r), (size_t)str_len(r));
        } else {
            sb_free(&sb);
            return vm_raise(vm, &exc_TypeError, "character mapping must return integer, None or str");
        }
        s = AS(Str, SELF);
        p = (const unsigned char *)s->data;
        i += l;
    }
    ROOTS_RESET(vm);
    return str_from_sb(vm, &sb);
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
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "format() argument 2 must be str, not %s", v_type(args[1])->name);
    return vm_format_value(vm, str_str(vm, SELF), args[1]);
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
    Value out[3];
    if (!vm_parse_args(vm, "str", args, nargs, kwnames, names, 0, 0, out)) return VNULL;
    Value r;
    if (!out[0]) r = NM(empty);
    else if (out[1] || out[2]) {
        const unsigned char *p;
        size_t n;
        if (!bytes_like(vm, out[0], &p, &n))
            return vm_raise(vm, &exc_TypeError, "decoding to str: need a bytes-like object, %s found", v_type(out[0])->name);
        Value dec = vm_getattr_cstr(vm, out[0], "decode");
        if (!dec) return VNULL;
        Value a[2] = {out[1] ? out[1] : str_from_cstr(vm, "utf-8"), out[2] ? out[2] : str_from_cstr(vm, "strict")};
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, dec);
        ROOT_PUSH(vm, a[0]);
        ROOT_PUSH(vm, a[1]);
        r = vm_call(vm, dec, a, 2, VNULL);
        ROOTS_RESET(vm);
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
    {"find", m_find, 2, 4, 0, NULL}, {"rfind", m_rfind, 2, 4, 0, NULL},
    {"index", m_index, 2, 4, 0, NULL}, {"rindex", m_rindex, 2, 4, 0, NULL},
    {"count", m_count, 2, 4, 0, NULL},
    {"startswith", m_startswith, 2, 4, 0, NULL}, {"endswith", m_endswith, 2, 4, 0, NULL},
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
    {"maketrans", m_maketrans, 2, 4, MF_CLASS | MF_STATIC, NULL},
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

void str_init_types(void) {
    intern_lock = plat_mutex_new();
    atomic_store(&intern_tab, itab_new(1024));
    type_ready(&type_strindex);
    type_ready(&type_str);
    type_ready(&type_str_iter);
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
