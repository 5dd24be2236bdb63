/* dict.c - dict: an insertion-ordered hash table (CPython's compact layout).
 *
 * A Dict points to a DictKeys block holding a hash index (open addressing,
 * CPython's perturbed probing) and an entries array in insertion order.
 * Every mutable word (the keys pointer, the counts, each index slot and each
 * entry field) is an STM word, so transactions that touch different keys of
 * one shared dict only conflict when they probe the same index slots or one
 * of them resizes or inserts.  A resize builds a new DictKeys (private to the
 * resizing transaction) and swaps the pointer.
 *
 * Invariants: index slots hold IX_EMPTY, IX_DUMMY or an entry number below
 * nentries; an entry with value VNULL is deleted (its index slot is DUMMY);
 * used == number of live entries; version changes on every insertion or
 * deletion (iterators use it to detect mutation).
 */
#include "vm.h"
#include <string.h>

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define PERTURB_SHIFT 5
#define DICT_MINSIZE 8

static inline DictEntry *dk_entries(DictKeys *k) { return (DictEntry *)(k->index + k->nslots); }

static DictKeys *keys_new(VM *vm, int64_t nslots) {
    int64_t usable = (nslots << 1) / 3;
    size_t sz = sizeof(DictKeys) + (size_t)nslots * sizeof(int64_t) + (size_t)usable * sizeof(DictEntry);
    DictKeys *k = gc_alloc(vm, &type_dictkeys, sz);
    if (!k) return NULL;
    k->nslots = nslots;
    k->usable = usable;
    k->nentries = 0;
    memset(k->index, 0xff, (size_t)nslots * sizeof(int64_t));   /* IX_EMPTY */
    return k;
}

static void dictkeys_trace(GcTracer *g, Obj *o) {
    DictKeys *k = (DictKeys *)o;
    DictEntry *e = dk_entries(k);
    int64_t n = (int64_t)k->nentries;
    /* nentries may be ahead in a committed state; private keys are exact */
    if (n > k->usable) n = k->usable;
    for (int64_t i = 0; i < k->usable; i++) {
        gc_mark_value(g, e[i].key);
        gc_mark_value(g, e[i].value);
    }
    (void)n;
}

static void dict_trace(GcTracer *g, Obj *o) {
    Dict *d = (Dict *)o;
    gc_mark_value(g, (Value)d->keys);
}

Value dict_new_sized(VM *vm, int64_t n) {
    int64_t ns = DICT_MINSIZE;
    while (ns * 2 / 3 < n) ns <<= 1;
    DictKeys *k = keys_new(vm, ns);
    if (!k) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(k));
    Dict *d = gc_alloc(vm, &type_dict, sizeof(Dict));
    ROOTS_RESET(vm);
    if (!d) return VNULL;
    d->keys = v_from_ptr(k);
    return v_from_ptr(d);
}

Value dict_new(VM *vm) { return dict_new_sized(vm, 0); }

static inline DictKeys *dkeys_raw(VM *vm, Dict *d) { return (DictKeys *)v_ptr(RD(vm, d, d->keys)); }

/* ---- inserts decided at commit ----
 * A transaction that inserts a new key into a dict it did not create does
 * not write the table: it looks the key up (reading only the probe path,
 * so that a concurrent insert of the same key, or of any key landing on
 * that path, conflicts), records (dict, key, hash, value) and lets its
 * commit place the entry in the committed table (stm_set_commit_fn).  So
 * transactions inserting distinct keys into one dict do not conflict on
 * the shared counters and entry slots.  Until then the transaction's own
 * lookups see its pending keys first; any other operation on the dict
 * (len, iteration, deletion of other keys, copy, ...) first does the
 * pending inserts for real (`materialize`), with ordinary barriers. */
typedef struct DPend {
    Dict *d;
    Value key, value;
    int64_t hash;
    StmSite site;
} DPend;

struct DictPending {
    DPend *items;
    int n, cap;
};

#define PEND_MAX 64             /* per transaction; more are inserted at once */

static inline bool has_pending(VM *vm) { return vm->dpend && vm->dpend->n > 0; }

void dict_pending_trace(GcTracer *g, VM *vm) {
    DictPending *p = vm->dpend;
    if (!p) return;
    for (int i = 0; i < p->n; i++) {
        gc_mark_ptr(g, p->items[i].d);
        gc_mark_value(g, p->items[i].key);
        gc_mark_value(g, p->items[i].value);
    }
}

void dict_pending_clear(VM *vm) {
    if (vm->dpend) vm->dpend->n = 0;
}

void dict_pending_free(VM *vm) {
    if (!vm->dpend) return;
    free(vm->dpend->items);
    free(vm->dpend);
    vm->dpend = NULL;
}

/* Index of the pending record for (d, key), or -1; -2 on error. */
static int pending_find(VM *vm, Dict *d, Value key, int64_t hash) {
    DictPending *p = vm->dpend;
    for (int i = 0; i < p->n; i++) {
        DPend *r = &p->items[i];
        if (r->d != d || r->hash != hash) continue;
        if (r->key == key) return i;
        if (IS_EXACT_STR(r->key) && IS_EXACT_STR(key)) {
            if (str_eq(r->key, key)) return i;
            continue;
        }
        int e = vm_eq(vm, r->key, key);
        if (e < 0) return -2;
        if (e) return i;
    }
    return -1;
}

static void pending_remove(DictPending *p, int i) {
    memmove(&p->items[i], &p->items[i + 1], (size_t)(p->n - i - 1) * sizeof(DPend));
    p->n--;
}

static int insert_now(VM *vm, Dict *d, Value key, int64_t hash, Value value, int64_t slot);

/* Do d's pending inserts now, in their order. */
static void materialize(VM *vm, Dict *d) {
    DictPending *p = vm->dpend;
    for (int i = 0; i < p->n;) {
        DPend r = p->items[i];
        if (r.d != d) { i++; continue; }
        pending_remove(p, i);
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, r.key);
        ROOT_PUSH(vm, r.value);
        insert_now(vm, d, r.key, r.hash, r.value, -1);
        ROOTS_RESET(vm);
    }
}

/* The table, as every operation other than a keyed lookup or store needs it. */
static inline DictKeys *dkeys(VM *vm, Dict *d) {
    if (UNLIKELY(has_pending(vm))) materialize(vm, d);
    return dkeys_raw(vm, d);
}

/* At commit (inside the STM's critical section): place every pending entry
 * in the committed table. */
static void commit_insert(VM *vm, StmTx *tx, DPend *r);

static void pending_commit_fn(StmTx *tx, void *ctx) {
    VM *vm = ctx;
    DictPending *p = vm->dpend;
    for (int i = 0; i < p->n; i++) commit_insert(vm, tx, &p->items[i]);
    p->n = 0;
}

/* Whether an insert of a new key into d should be deferred. */
static bool defer_insert(VM *vm, Dict *d) {
#if TXPY_STM
    if (!vm->in_tx || vm->tx.direct || vm->tx.inevitable || d->hdr.stm.owner == vm->tx.id) return false;
    if (vm->dpend && vm->dpend->n >= PEND_MAX) return false;
    /* near a resize: insert for real (a hint read, not a transactional one) */
    DictKeys *k = (DictKeys *)v_ptr(__atomic_load_n(&d->keys, __ATOMIC_RELAXED));
    int64_t n = (int64_t)__atomic_load_n(&k->nentries, __ATOMIC_RELAXED);
    return n + (vm->dpend ? vm->dpend->n : 0) + 8 < k->usable;
#else
    (void)vm; (void)d;
    return false;
#endif
}

static bool pending_add(VM *vm, Dict *d, Value key, int64_t hash, Value value) {
    DictPending *p = vm->dpend;
    if (!p) {
        p = vm->dpend = calloc(1, sizeof *p);
        if (!p) { vm_raise_nomem(vm); return false; }
    }
    if (p->n == p->cap) {
        int nc = p->cap ? p->cap * 2 : 8;
        DPend *n = realloc(p->items, (size_t)nc * sizeof *n);
        if (!n) { vm_raise_nomem(vm); return false; }
        p->items = n;
        p->cap = nc;
    }
    StmSite site = {0, 0};
    if (vm->frame) {
        site.code = vm->frame->code;
        site.offset = (uint32_t)(vm->frame->ip - vm->frame->code->code);
        if (site.offset) site.offset--;
    }
    p->items[p->n++] = (DPend){d, key, value, hash, site};
    stm_set_commit_fn(&vm->tx, pending_commit_fn, vm);
    return true;
}

/* Find key: returns the entry index (>= 0), or -1 if absent (then *slot is
 * the index slot where it would be inserted), or -2 on error.  May call
 * Python __eq__; if that mutates the dict, the lookup restarts. */
static int64_t lookup(VM *vm, Dict *d, Value key, int64_t hash, int64_t *slot_out) {
restart:;
    DictKeys *k = dkeys_raw(vm, d);
    DictEntry *ents = dk_entries(k);
    uint64_t mask = (uint64_t)k->nslots - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    int64_t free_slot = -1;
    for (;;) {
        int64_t ix = RDW(vm, k, k->index[i]);
        if (ix == IX_EMPTY) {
            if (slot_out) *slot_out = free_slot >= 0 ? free_slot : (int64_t)i;
            return -1;
        }
        if (ix == IX_DUMMY) {
            if (free_slot < 0) free_slot = (int64_t)i;
        } else {
            DictEntry *e = &ents[ix];
            Value ek = RD(vm, k, e->key);
            if (ek == key) return ix;
            if (RDW(vm, k, e->hash) == hash && ek != VNULL) {
                /* equal-hash candidate: fast paths for str, then generic == */
                if (IS_EXACT_STR(ek) && IS_EXACT_STR(key)) {
                    if (str_eq(ek, key)) return ix;
                } else if (v_is_int(ek) && v_is_int(key)) {
                    /* different small ints never equal */
                } else {
                    uint64_t ver = (uint64_t)RDW(vm, d, d->version);
                    int r = vm_eq(vm, ek, key);
                    if (r < 0) return -2;
                    if ((uint64_t)RDW(vm, d, d->version) != ver || dkeys_raw(vm, d) != k) goto restart;
                    if (r) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Rebuild the table with room for `minused` entries (CPython: used * 3). */
static bool resize(VM *vm, Dict *d, int64_t minused) {
    int64_t ns = DICT_MINSIZE;
    while (ns < minused && ns > 0) ns <<= 1;
    if (ns <= 0 || ns > (INT64_C(1) << 40)) { vm_raise_nomem(vm); return false; }
    DictKeys *old = dkeys_raw(vm, d);
    DictKeys *nk = keys_new(vm, ns);
    if (!nk) return false;
    DictEntry *oe = dk_entries(old), *ne = dk_entries(nk);
    int64_t n = RDW(vm, old, old->nentries), j = 0;
    uint64_t mask = (uint64_t)ns - 1;
    for (int64_t i = 0; i < n; i++) {
        Value v = RD(vm, old, oe[i].value);
        if (v == VNULL) continue;
        int64_t h = RDW(vm, old, oe[i].hash);
        ne[j].hash = h;
        ne[j].key = RD(vm, old, oe[i].key);
        ne[j].value = v;
        uint64_t perturb = (uint64_t)h, s = (uint64_t)h & mask;
        while (nk->index[s] != IX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            s = (s * 5 + perturb + 1) & mask;
        }
        nk->index[s] = j;
        j++;
    }
    nk->nentries = (uint64_t)j;
    WR(vm, d, d->keys, v_from_ptr(nk));
    return true;
}

/* Insert a key known to be absent; slot: its index slot from lookup, or -1. */
static int insert_now(VM *vm, Dict *d, Value key, int64_t hash, Value value, int64_t slot) {
    DictKeys *k = dkeys_raw(vm, d);
    int64_t n = RDW(vm, k, k->nentries);
    if (slot < 0 || n >= k->usable) {
        if (n >= k->usable) {
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, key);
            ROOT_PUSH(vm, value);
            bool ok = resize(vm, d, RDW(vm, d, d->used) * 3);
            ROOTS_RESET(vm);
            if (!ok) return -1;
        }
        int64_t ix = lookup(vm, d, key, hash, &slot);   /* cannot find it; gives the slot */
        if (ix == -2) return -1;
        k = dkeys_raw(vm, d);
        n = RDW(vm, k, k->nentries);
    }
    DictEntry *e = &dk_entries(k)[n];
    WRW(vm, k, e->hash, hash);
    WR(vm, k, e->key, key);
    WR(vm, k, e->value, value);
    WRW(vm, k, k->index[slot], n);
    WRW(vm, k, k->nentries, n + 1);
    WRW(vm, d, d->used, RDW(vm, d, d->used) + 1);
    WRW(vm, d, d->version, RDW(vm, d, d->version) + 1);
    return 0;
}

static int insert(VM *vm, Dict *d, Value key, int64_t hash, Value value) {
    if (UNLIKELY(has_pending(vm))) {
        int pi = pending_find(vm, d, key, hash);
        if (pi == -2) return -1;
        if (pi >= 0) {
            vm->dpend->items[pi].value = value;
            return 0;
        }
    }
    int64_t slot;
    int64_t ix = lookup(vm, d, key, hash, &slot);
    if (ix == -2) return -1;
    if (ix >= 0) {
        DictKeys *k = dkeys_raw(vm, d);
        WR(vm, k, dk_entries(k)[ix].value, value);
        return 0;
    }
    if (defer_insert(vm, d)) return pending_add(vm, d, key, hash, value) ? 0 : -1;
    return insert_now(vm, d, key, hash, value, slot);
}

/* Inside the commit: the key is still absent (the transaction validated
 * its probe path), the table is the committed one. */
static void commit_insert(VM *vm, StmTx *tx, DPend *r) {
    Dict *d = r->d;
    DictKeys *k = (DictKeys *)v_ptr(d->keys);
    int64_t n = (int64_t)k->nentries;
    if (n >= k->usable) {
        /* the table filled up meanwhile: a new one (private until this
         * commit ends, so written in place), then the dict points to it */
        int64_t ns = DICT_MINSIZE;
        while (ns < (int64_t)d->used * 3 + 3) ns <<= 1;
        DictKeys *nk = keys_new(vm, ns);
        if (!nk) abort();       /* out of memory inside a commit: nothing can be undone */
        DictEntry *oe = dk_entries(k), *ne = dk_entries(nk);
        int64_t j = 0;
        uint64_t mask = (uint64_t)ns - 1;
        for (int64_t i = 0; i < n; i++) {
            if (oe[i].value == VNULL) continue;
            ne[j] = oe[i];
            uint64_t perturb = (uint64_t)oe[i].hash, s = (uint64_t)oe[i].hash & mask;
            while (nk->index[s] != IX_EMPTY) {
                perturb >>= PERTURB_SHIFT;
                s = (s * 5 + perturb + 1) & mask;
            }
            nk->index[s] = j++;
        }
        nk->nentries = (uint64_t)j;
        stm_commit_store(tx, &d->hdr.stm, (uint64_t *)&d->keys, v_from_ptr(nk), r->site);
        k = nk;
        n = j;
    }
    uint64_t mask = (uint64_t)k->nslots - 1;
    uint64_t perturb = (uint64_t)r->hash, i = (uint64_t)r->hash & mask;
    while (k->index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    DictEntry *e = &dk_entries(k)[n];
    const StmHdr *kh = &k->hdr.stm, *dh = &d->hdr.stm;
    stm_commit_store(tx, kh, (uint64_t *)&e->hash, (uint64_t)r->hash, r->site);
    stm_commit_store(tx, kh, (uint64_t *)&e->key, r->key, r->site);
    stm_commit_store(tx, kh, (uint64_t *)&e->value, r->value, r->site);
    stm_commit_store(tx, kh, (uint64_t *)&k->index[i], (uint64_t)n, r->site);
    stm_commit_store(tx, kh, (uint64_t *)&k->nentries, (uint64_t)(n + 1), r->site);
    stm_commit_store(tx, dh, (uint64_t *)&d->used, (uint64_t)(d->used + 1), r->site);
    stm_commit_store(tx, dh, (uint64_t *)&d->version, (uint64_t)(d->version + 1), r->site);
}

Value dict_get(VM *vm, Value dv, Value key, bool *err) {
    *err = false;
    int64_t h = vm_hash(vm, key);
    if (h == -1) { *err = true; return VNULL; }
    Dict *d = AS(Dict, dv);
    if (UNLIKELY(has_pending(vm))) {
        int pi = pending_find(vm, d, key, h);
        if (pi == -2) { *err = true; return VNULL; }
        if (pi >= 0) return vm->dpend->items[pi].value;
    }
    int64_t ix = lookup(vm, d, key, h, NULL);
    if (ix == -2) { *err = true; return VNULL; }
    if (ix < 0) return VNULL;
    DictKeys *k = dkeys_raw(vm, d);
    return RD(vm, k, dk_entries(k)[ix].value);
}

/* Lookup of an interned str key: never runs Python code. */
Value dict_get_str(VM *vm, Value dv, Value key) {
    int64_t ix;
    return dict_get_str_ix(vm, dv, key, &ix);
}

Value dict_get_at(VM *vm, Value dv, int64_t ix, Value key) {
    if (UNLIKELY(has_pending(vm))) return VNULL;
    DictKeys *k = dkeys_raw(vm, AS(Dict, dv));
    if (ix < 0 || ix >= k->usable) return VNULL;
    DictEntry *e = &dk_entries(k)[ix];
    if (RD(vm, k, e->key) != key) return VNULL;
    return RD(vm, k, e->value);
}

Value dict_get_str_ix(VM *vm, Value dv, Value key, int64_t *ixp) {
    Dict *d = AS(Dict, dv);
    int64_t hash = str_hash(key);
    *ixp = -1;
    if (UNLIKELY(has_pending(vm))) {
        int pi = pending_find(vm, d, key, hash);   /* str keys: never runs Python */
        if (pi >= 0) return vm->dpend->items[pi].value;
    }
    DictKeys *k = dkeys_raw(vm, d);
    DictEntry *ents = dk_entries(k);
    uint64_t mask = (uint64_t)k->nslots - 1;
    uint64_t perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = RDW(vm, k, k->index[i]);
        if (ix == IX_EMPTY) return VNULL;
        if (ix >= 0) {
            DictEntry *e = &ents[ix];
            Value ek = RD(vm, k, e->key);
            if (ek == key || (IS_STR(ek) && RDW(vm, k, e->hash) == hash && str_eq(ek, key))) {
                *ixp = ix;
                return RD(vm, k, e->value);
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value dict_get_cstr(VM *vm, Value d, const char *key) {
    Value k = str_intern_cstr(vm, key);
    if (!k) { vm_exc_clear(vm); return VNULL; }
    return dict_get_str(vm, d, k);
}

int dict_set(VM *vm, Value d, Value key, Value v) {
    int64_t h = vm_hash(vm, key);
    if (h == -1) return -1;
    return insert(vm, AS(Dict, d), key, h, v);
}

int dict_set_str(VM *vm, Value d, Value key, Value v) {
    return insert(vm, AS(Dict, d), key, str_hash(key), v);
}

int dict_set_cstr(VM *vm, Value d, const char *key, Value v) {
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v);
    Value k = str_intern_cstr(vm, key);
    ROOTS_RESET(vm);
    if (!k) return -1;
    return dict_set_str(vm, d, k, v);
}

static void delete_at(VM *vm, Dict *d, int64_t ix, int64_t hash) {
    DictKeys *k = dkeys_raw(vm, d);
    uint64_t mask = (uint64_t)k->nslots - 1;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (RDW(vm, k, k->index[i]) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    WRW(vm, k, k->index[i], IX_DUMMY);
    DictEntry *e = &dk_entries(k)[ix];
    WR(vm, k, e->value, VNULL);
    WR(vm, k, e->key, VNULL);
    WRW(vm, d, d->used, RDW(vm, d, d->used) - 1);
    WRW(vm, d, d->version, RDW(vm, d, d->version) + 1);
}

int dict_pop_item(VM *vm, Value dv, Value key, Value *out) {
    int64_t h = vm_hash(vm, key);
    if (h == -1) return -1;
    Dict *d = AS(Dict, dv);
    if (UNLIKELY(has_pending(vm))) {
        int pi = pending_find(vm, d, key, h);
        if (pi == -2) return -1;
        if (pi >= 0) {
            if (out) *out = vm->dpend->items[pi].value;
            pending_remove(vm->dpend, pi);
            return 1;
        }
    }
    int64_t ix = lookup(vm, d, key, h, NULL);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    DictKeys *k = dkeys_raw(vm, d);
    if (out) *out = RD(vm, k, dk_entries(k)[ix].value);
    delete_at(vm, d, ix, h);
    return 1;
}

int dict_del(VM *vm, Value d, Value key) {
    int r = dict_pop_item(vm, d, key, NULL);
    if (r == 0) {
        vm_raise_value(vm, exc_new(vm, &exc_KeyError, &key, 1));
        return -1;
    }
    return r < 0 ? -1 : 0;
}

int64_t dict_len(VM *vm, Value d) {
    if (UNLIKELY(has_pending(vm))) materialize(vm, AS(Dict, d));
    return RDW(vm, AS(Dict, d), AS(Dict, d)->used);
}

bool dict_next(VM *vm, Value dv, int64_t *pos, Value *key, Value *value) {
    Dict *d = AS(Dict, dv);
    DictKeys *k = dkeys(vm, d);
    int64_t n = RDW(vm, k, k->nentries);
    DictEntry *e = dk_entries(k);
    for (int64_t i = *pos; i < n; i++) {
        Value v = RD(vm, k, e[i].value);
        if (v == VNULL) continue;
        if (key) *key = RD(vm, k, e[i].key);
        if (value) *value = v;
        *pos = i + 1;
        return true;
    }
    *pos = n;
    return false;
}

static void dict_clear(VM *vm, Dict *d) {
    DictKeys *k = keys_new(vm, DICT_MINSIZE);
    if (!k) return;
    WR(vm, d, d->keys, v_from_ptr(k));
    WRW(vm, d, d->used, 0);
    WRW(vm, d, d->version, RDW(vm, d, d->version) + 1);
}

Value dict_copy(VM *vm, Value dv) {
    int64_t n = dict_len(vm, dv);
    Value nd = dict_new_sized(vm, n);
    if (!nd) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, nd);
    Dict *src = AS(Dict, dv);
    DictKeys *k = dkeys(vm, src);
    int64_t ne = RDW(vm, k, k->nentries);
    DictEntry *e = dk_entries(k);
    for (int64_t i = 0; i < ne; i++) {
        Value v = RD(vm, k, e[i].value);
        if (v == VNULL) continue;
        if (insert(vm, AS(Dict, nd), RD(vm, k, e[i].key), RDW(vm, k, e[i].hash), v) < 0) {
            ROOTS_RESET(vm);
            return VNULL;
        }
    }
    ROOTS_RESET(vm);
    return nd;
}

/* Update from a mapping (has keys()) or an iterable of pairs. */
int dict_update(VM *vm, Value d, Value other) {
    ROOTS_MARK(vm);
    int rc = -1;
    if (IS_DICT(other) && v_type(other)->tp_iter == type_dict.tp_iter) {
        int64_t pos = 0;
        Value k, v;
        while (dict_next(vm, other, &pos, &k, &v))
            if (dict_set(vm, d, k, v) < 0) goto out;
        rc = 0;
        goto out;
    }
    bool err;
    Value keys = vm_getattr_opt(vm, other, NM(keys), &err);
    if (err) goto out;
    if (keys) {
        ROOT_PUSH(vm, keys);
        Value kl = vm_call0(vm, keys);
        if (!kl) goto out;
        ROOT_PUSH(vm, kl);
        Value it = vm_iter(vm, kl);
        if (!it) goto out;
        ROOT_PUSH(vm, it);
        Value k;
        while ((k = vm_next(vm, it))) {
            ROOT_PUSH(vm, k);
            Value v = vm_getitem(vm, other, k);
            if (!v || dict_set(vm, d, k, v) < 0) goto out;
            vm->nroots--;
        }
        if (vm->exc) goto out;
        rc = 0;
        goto out;
    }
    Value it = vm_iter(vm, other);
    if (!it) goto out;
    ROOT_PUSH(vm, it);
    int64_t idx = 0;
    Value item;
    while ((item = vm_next(vm, it))) {
        ROOT_PUSH(vm, item);
        Value seq = vm_sequence_to_tuple(vm, item);
        if (!seq) {
            if (vm_exc_matches(vm, &exc_TypeError)) {
                vm_exc_clear(vm);
                vm_raise(vm, &exc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                         (long long)idx);
            }
            goto out;
        }
        if (tuple_len(seq) != 2) {
            vm_raise(vm, &exc_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                     (long long)idx, (long long)tuple_len(seq));
            goto out;
        }
        ROOT_PUSH(vm, seq);
        if (dict_set(vm, d, tuple_items(seq)[0], tuple_items(seq)[1]) < 0) goto out;
        vm->nroots -= 2;
        idx++;
    }
    if (vm->exc) goto out;
    rc = 0;
out:
    ROOTS_RESET(vm);
    return rc;
}

/* f(**other): merge into d; duplicates are TypeErrors when check_dup. */
int dict_merge_kwargs(VM *vm, Value d, Value other, bool check_dup, Value func) {
    if (!IS_DICT(other)) {
        bool err;
        Value keys = vm_getattr_opt(vm, other, NM(keys), &err);
        if (err) return -1;
        if (!keys) {
            Value fs = vm_function_str(vm, func);
            if (fs) vm_raise(vm, &exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, other);
            return -1;
        }
    }
    ROOTS_MARK(vm);
    Value tmp = other;
    if (!IS_DICT(other)) {
        tmp = dict_new(vm);
        if (!tmp) return -1;
        ROOT_PUSH(vm, tmp);
        if (dict_update(vm, tmp, other) < 0) { ROOTS_RESET(vm); return -1; }
    }
    int64_t pos = 0;
    Value k, v;
    while (dict_next(vm, tmp, &pos, &k, &v)) {
        if (!IS_STR(k)) {
            vm_raise(vm, &exc_TypeError, "keywords must be strings");
            ROOTS_RESET(vm);
            return -1;
        }
        if (check_dup) {
            bool err;
            Value old = dict_get(vm, d, k, &err);
            if (err) { ROOTS_RESET(vm); return -1; }
            if (old) {
                ROOT_PUSH(vm, k);
                Value fs = vm_function_str(vm, func);
                if (fs) vm_raise(vm, &exc_TypeError, "%U got multiple values for keyword argument '%U'", fs, k);
                ROOTS_RESET(vm);
                return -1;
            }
        }
        if (dict_set(vm, d, k, v) < 0) { ROOTS_RESET(vm); return -1; }
    }
    ROOTS_RESET(vm);
    return 0;
}

Value dict_keys_list(VM *vm, Value d) {
    int64_t n = dict_len(vm, d);
    Value l = list_new(vm, n);
    if (!l) return VNULL;
    int64_t pos = 0, i = 0;
    Value k;
    while (i < n && dict_next(vm, d, &pos, &k, NULL)) list_set(vm, l, i++, k);
    return l;
}

Value dict_items_list(VM *vm, Value d) {
    int64_t n = dict_len(vm, d);
    Value l = list_new(vm, n);
    if (!l) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    int64_t pos = 0, i = 0;
    Value k, v;
    while (i < n && dict_next(vm, d, &pos, &k, &v)) {
        Value t = tuple_pack(vm, 2, k, v);
        if (!t) { ROOTS_RESET(vm); return VNULL; }
        list_set(vm, l, i++, t);
    }
    ROOTS_RESET(vm);
    return l;
}

/* ======================= Python-level dict ======================= */

static Value dict_missing_or_keyerror(VM *vm, Value self, Value key) {
    if (v_type(self) != &type_dict) {
        Value m = vm_lookup_special(vm, self, NM(__missing__));
        if (m) return vm_call1(vm, m, key);
        if (vm->exc) return VNULL;
    }
    return vm_raise_value(vm, exc_new(vm, &exc_KeyError, &key, 1));
}

static Value dict_subscript(VM *vm, Value self, Value key) {
    bool err;
    Value v = dict_get(vm, self, key, &err);
    if (v) return v;
    if (err) return VNULL;
    return dict_missing_or_keyerror(vm, self, key);
}

static int dict_ass_sub(VM *vm, Value self, Value key, Value v) {
    if (v) return dict_set(vm, self, key, v);
    return dict_del(vm, self, key);
}

static int dict_contains_slot(VM *vm, Value self, Value key) {
    bool err;
    Value v = dict_get(vm, self, key, &err);
    if (err) return -1;
    return v != VNULL;
}

static int64_t dict_len_slot(VM *vm, Value self) { return dict_len(vm, self); }

static Value dict_repr(VM *vm, Value self) {
    if (dict_len(vm, self) == 0) return str_from_cstr(vm, "{}");
    int r = vm_repr_enter(vm, self);
    if (r < 0) return VNULL;
    if (r > 0) return str_from_cstr(vm, "{...}");
    StrBuf sb = STRBUF_INIT;
    sb_putc(&sb, '{');
    int64_t pos = 0;
    Value k, v;
    bool first = true;
    ROOTS_MARK(vm);
    while (dict_next(vm, self, &pos, &k, &v)) {
        ROOT_PUSH(vm, v);
        if (!first) sb_puts(&sb, ", ");
        first = false;
        Value ks = vm_repr(vm, k);
        if (!ks) goto fail;
        sb_append(&sb, str_cstr(ks), (size_t)str_len(ks));
        sb_puts(&sb, ": ");
        Value vs = vm_repr(vm, v);
        if (!vs) goto fail;
        sb_append(&sb, str_cstr(vs), (size_t)str_len(vs));
        vm->nroots--;
    }
    ROOTS_RESET(vm);
    vm_repr_leave(vm, self);
    sb_putc(&sb, '}');
    return str_from_sb(vm, &sb);
fail:
    ROOTS_RESET(vm);
    vm_repr_leave(vm, self);
    sb_free(&sb);
    return VNULL;
}

static Value dict_richcompare(VM *vm, Value a, Value b, int op) {
    if (!IS_DICT(a) || !IS_DICT(b) || (op != CMP_EQ_OP && op != CMP_NE_OP)) return V_NOTIMPL;
    bool eq = true;
    if (dict_len(vm, a) != dict_len(vm, b)) eq = false;
    else {
        int64_t pos = 0;
        Value k, v;
        ROOTS_MARK(vm);
        while (dict_next(vm, a, &pos, &k, &v)) {
            ROOT_PUSH(vm, k);
            ROOT_PUSH(vm, v);
            bool err;
            Value w = dict_get(vm, b, k, &err);
            if (err) { ROOTS_RESET(vm); return VNULL; }
            if (!w) { eq = false; break; }
            int r = vm_eq(vm, v, w);
            if (r < 0) { ROOTS_RESET(vm); return VNULL; }
            if (!r) { eq = false; break; }
        }
        ROOTS_RESET(vm);
    }
    return v_bool(op == CMP_EQ_OP ? eq : !eq);
}

static Value dict_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    Value d = dict_new(vm);
    if (!d || t == &type_dict) return d;
    /* subclass: allocate the subclass layout */
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    AS(Dict, o)->keys = AS(Dict, d)->keys;
    return o;
}

static int dict_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (nargs > 1) {
        vm_raise(vm, &exc_TypeError, "dict expected at most 1 argument, got %d", nargs);
        return -1;
    }
    if (nargs == 1 && dict_update(vm, self, args[0]) < 0) return -1;
    if (kwnames) {
        int64_t nk = tuple_len(kwnames);
        for (int64_t i = 0; i < nk; i++)
            if (dict_set(vm, self, tuple_items(kwnames)[i], args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static Value m_get(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    bool err;
    Value v = dict_get(vm, args[0], args[1], &err);
    if (err) return VNULL;
    return v ? v : (nargs > 2 ? args[2] : V_NONE);
}

static Value m_setdefault(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    bool err;
    Value v = dict_get(vm, args[0], args[1], &err);
    if (err) return VNULL;
    if (v) return v;
    Value d = nargs > 2 ? args[2] : V_NONE;
    if (dict_set(vm, args[0], args[1], d) < 0) return VNULL;
    return d;
}

static Value m_pop(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    Value out;
    int r = dict_pop_item(vm, args[0], args[1], &out);
    if (r < 0) return VNULL;
    if (r) return out;
    if (nargs > 2) return args[2];
    return vm_raise_value(vm, exc_new(vm, &exc_KeyError, &args[1], 1));
}

static Value m_popitem(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Dict *d = AS(Dict, args[0]);
    if (RDW(vm, d, d->used) == 0) return vm_raise(vm, &exc_KeyError, "popitem(): dictionary is empty");
    DictKeys *k = dkeys(vm, d);
    DictEntry *e = dk_entries(k);
    for (int64_t i = RDW(vm, k, k->nentries) - 1; i >= 0; i--) {
        Value v = RD(vm, k, e[i].value);
        if (v == VNULL) continue;
        Value key = RD(vm, k, e[i].key);
        Value t = tuple_pack(vm, 2, key, v);
        if (!t) return VNULL;
        delete_at(vm, d, i, RDW(vm, k, e[i].hash));
        /* CPython also shrinks nentries so that repeated popitem is O(1) */
        WRW(vm, k, k->nentries, i);
        return t;
    }
    return vm_raise(vm, &exc_KeyError, "popitem(): dictionary is empty");
}

static Value m_clear(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    dict_clear(vm, AS(Dict, args[0]));
    return vm->exc ? VNULL : V_NONE;
}

static Value m_copy(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return dict_copy(vm, args[0]);
}

static Value m_update(VM *vm, Value *args, int nargs, Value kwnames) {
    if (nargs > 2) return vm_raise(vm, &exc_TypeError, "update expected at most 1 argument, got %d", nargs - 1);
    if (nargs == 2 && dict_update(vm, args[0], args[1]) < 0) return VNULL;
    if (kwnames) {
        int64_t nk = tuple_len(kwnames);
        for (int64_t i = 0; i < nk; i++)
            if (dict_set(vm, args[0], tuple_items(kwnames)[i], args[nargs + i]) < 0) return VNULL;
    }
    return V_NONE;
}

static Value m_fromkeys(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    Value cls = args[0];
    Value val = nargs > 2 ? args[2] : V_NONE;
    Value d = vm_call0(vm, cls);
    if (!d) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    Value it = vm_iter(vm, args[1]);
    if (!it) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, it);
    Value k;
    while ((k = vm_next(vm, it))) {
        if (vm_setitem(vm, d, k, val) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : d;
}

static Value m_getitem(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return dict_subscript(vm, args[0], args[1]);
}

static Value m_contains(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    int r = dict_contains_slot(vm, args[0], args[1]);
    return r < 0 ? VNULL : v_bool(r);
}

static Value m_sizeof(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    DictKeys *k = dkeys(vm, AS(Dict, args[0]));
    return int_from_i64(vm, (int64_t)(sizeof(Dict) + sizeof(DictKeys) + (size_t)k->nslots * 8 +
                                      (size_t)k->usable * sizeof(DictEntry)));
}

/* ---- views and iterators ---- */
typedef struct DictView {
    Obj hdr;
    Value dict;
} DictView;

typedef struct DictIter {
    Obj hdr;
    Value dict;
    int64_t pos;
    int64_t used_at_start;
    uint64_t version;
    int kind;                   /* 0 keys, 1 values, 2 items */
    bool reversed;
} DictIter;

Type type_dict_keys, type_dict_values, type_dict_items;
Type type_dict_keyiter, type_dict_valueiter, type_dict_itemiter;

static void view_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((DictView *)o)->dict); }
static void diter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((DictIter *)o)->dict); }

static Value make_view(VM *vm, Value d, Type *t) {
    DictView *v = gc_alloc(vm, t, sizeof(DictView));
    if (!v) return VNULL;
    v->dict = d;
    return v_from_ptr(v);
}

static Value m_keys(VM *vm, Value *args, int nargs, Value kw) { (void)nargs; (void)kw; return make_view(vm, args[0], &type_dict_keys); }
static Value m_values(VM *vm, Value *args, int nargs, Value kw) { (void)nargs; (void)kw; return make_view(vm, args[0], &type_dict_values); }
static Value m_items(VM *vm, Value *args, int nargs, Value kw) { (void)nargs; (void)kw; return make_view(vm, args[0], &type_dict_items); }

static Value make_iter(VM *vm, Value d, int kind, bool reversed) {
    static Type *types[3] = {&type_dict_keyiter, &type_dict_valueiter, &type_dict_itemiter};
    DictIter *it = gc_alloc(vm, types[kind], sizeof(DictIter));
    if (!it) return VNULL;
    it->dict = d;
    it->kind = kind;
    it->reversed = reversed;
    Dict *dd = AS(Dict, d);
    it->used_at_start = RDW(vm, dd, dd->used);
    it->version = (uint64_t)RDW(vm, dd, dd->version);
    if (reversed) {
        DictKeys *k = dkeys(vm, dd);
        it->pos = RDW(vm, k, k->nentries) - 1;
    }
    return v_from_ptr(it);
}

static Value dict_iter(VM *vm, Value self) { return make_iter(vm, self, 0, false); }

/* Iterator state goes through the barriers (see list.c). */
static Value diter_next(VM *vm, Value self) {
    DictIter *it = AS(DictIter, self);
    Value dv = RD(vm, it, it->dict);
    if (!dv) return VNULL;
    Dict *d = AS(Dict, dv);
    int64_t used_at_start = RDW(vm, it, it->used_at_start);
    if (RDW(vm, d, d->used) != used_at_start) {
        WRW(vm, it, it->used_at_start, -1);
        return vm_raise(vm, &exc_RuntimeError, "dictionary changed size during iteration");
    }
    if ((uint64_t)RDW(vm, d, d->version) != it->version) {
        return vm_raise(vm, &exc_RuntimeError, "dictionary keys changed during iteration");
    }
    DictKeys *k = dkeys(vm, d);
    DictEntry *e = dk_entries(k);
    Value key = VNULL, val = VNULL;
    int64_t pos = RDW(vm, it, it->pos);
    if (it->reversed) {
        while (pos >= 0) {
            int64_t i = pos--;
            val = RD(vm, k, e[i].value);
            if (val) { key = RD(vm, k, e[i].key); break; }
        }
    } else {
        int64_t n = RDW(vm, k, k->nentries);
        while (pos < n) {
            int64_t i = pos++;
            val = RD(vm, k, e[i].value);
            if (val) { key = RD(vm, k, e[i].key); break; }
        }
    }
    WRW(vm, it, it->pos, pos);
    if (!key) {
        WR(vm, it, it->dict, VNULL);
        return VNULL;
    }
    switch (it->kind) {
    case 0: return key;
    case 1: return val;
    default: return tuple_pack(vm, 2, key, val);
    }
}

static Value diter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    DictIter *it = AS(DictIter, args[0]);
    Value dv = RD(vm, it, it->dict);
    if (!dv) return v_from_small(0);
    return v_from_small(dict_len(vm, dv));
}

static Value view_iter(VM *vm, Value self) {
    DictView *v = AS(DictView, self);
    int kind = OBJ(self)->type == &type_dict_keys ? 0 : OBJ(self)->type == &type_dict_values ? 1 : 2;
    return make_iter(vm, v->dict, kind, false);
}

static Value view_reversed(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    DictView *v = AS(DictView, args[0]);
    int kind = OBJ(args[0])->type == &type_dict_keys ? 0 : OBJ(args[0])->type == &type_dict_values ? 1 : 2;
    return make_iter(vm, v->dict, kind, true);
}

static Value dict_reversed(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return make_iter(vm, args[0], 0, true);
}

static int64_t view_len(VM *vm, Value self) { return dict_len(vm, AS(DictView, self)->dict); }

static int view_contains(VM *vm, Value self, Value key) {
    Value d = AS(DictView, self)->dict;
    Type *t = OBJ(self)->type;
    if (t == &type_dict_keys) return dict_contains_slot(vm, d, key);
    if (t == &type_dict_items) {
        if (!IS_TUPLE(key) || tuple_len(key) != 2) return 0;
        bool err;
        Value v = dict_get(vm, d, tuple_items(key)[0], &err);
        if (err) return -1;
        if (!v) return 0;
        return vm_eq(vm, v, tuple_items(key)[1]);
    }
    /* values: linear search */
    int64_t pos = 0;
    Value v;
    while (dict_next(vm, d, &pos, NULL, &v)) {
        int r = vm_eq(vm, v, key);
        if (r) return r;
    }
    return 0;
}

static Value view_repr(VM *vm, Value self) {
    Value l = vm_sequence_to_list(vm, self);
    if (!l) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    Value r = vm_repr(vm, l);
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    return vm_format(vm, "%s(%U)", OBJ(self)->type->name, r);
}

/* Set operations on keys/items views produce sets. */
static Value view_setop(VM *vm, Value a, Value b, int op) {
    bool a_view = v_is_obj(a) && (OBJ(a)->type == &type_dict_keys || OBJ(a)->type == &type_dict_items);
    Value base = a_view ? a : b;
    Value other = a_view ? b : a;
    Value s = set_new(vm, &type_set);
    if (!s) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, s);
    if (set_update(vm, s, a_view ? base : other) < 0) { ROOTS_RESET(vm); return VNULL; }
    Value rhs = a_view ? other : base;
    const char *meth = op == NB_AND ? "intersection_update" : op == NB_OR ? "update" :
                       op == NB_XOR ? "symmetric_difference_update" : "difference_update";
    Value m = vm_getattr_cstr(vm, s, meth);
    if (!m) { ROOTS_RESET(vm); return VNULL; }
    Value r = vm_call1(vm, m, rhs);
    ROOTS_RESET(vm);
    if (!r) {
        if (vm_exc_matches(vm, &exc_TypeError)) { vm_exc_clear(vm); return V_NOTIMPL; }
        return VNULL;
    }
    return s;
}
static Value view_and(VM *vm, Value a, Value b) { return view_setop(vm, a, b, NB_AND); }
static Value view_or(VM *vm, Value a, Value b) { return view_setop(vm, a, b, NB_OR); }
static Value view_xor(VM *vm, Value a, Value b) { return view_setop(vm, a, b, NB_XOR); }
static Value view_sub(VM *vm, Value a, Value b) { return view_setop(vm, a, b, NB_SUB); }

/* Every item of a is in b (b's own `in`, so items views compare values
 * with ==, never hashing them). */
static int all_contained_in(VM *vm, Value a, Value b) {
    Value it = vm_iter(vm, a);
    if (!it) return -1;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value x;
    int ok = 1;
    while ((x = vm_next(vm, it))) {
        int r = vm_contains(vm, b, x);
        if (r <= 0) { ok = r; break; }
    }
    ROOTS_RESET(vm);
    if (vm->exc) return -1;
    return ok;
}

static Value view_richcompare(VM *vm, Value a, Value b, int op) {
    if (OBJ(a)->type == &type_dict_values) return V_NOTIMPL;
    if (!(v_is_obj(b) && (OBJ(b)->type == &type_dict_keys || OBJ(b)->type == &type_dict_items ||
                          v_isinstance_of(b, &type_set) || v_isinstance_of(b, &type_frozenset))))
        return V_NOTIMPL;
    int64_t la = vm_len(vm, a), lb = vm_len(vm, b);
    if (la < 0 || lb < 0) return VNULL;
    int r;
    switch (op) {
    case CMP_EQ_OP: case CMP_NE_OP: r = la == lb ? all_contained_in(vm, a, b) : 0; break;
    case CMP_LT_OP: r = la < lb ? all_contained_in(vm, a, b) : 0; break;
    case CMP_LE_OP: r = la <= lb ? all_contained_in(vm, a, b) : 0; break;
    case CMP_GT_OP: r = la > lb ? all_contained_in(vm, b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(vm, b, a) : 0; break;
    }
    if (r < 0) return VNULL;
    if (op == CMP_NE_OP) r = !r;
    return r ? V_TRUE : V_FALSE;
}

static Value view_isdisjoint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        int r = view_contains(vm, args[0], x);
        if (r < 0) { ROOTS_RESET(vm); return VNULL; }
        if (r) { ROOTS_RESET(vm); return V_FALSE; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : V_TRUE;
}

static Value view_mapping(VM *vm, Value self) {
    (void)vm;
    return AS(DictView, self)->dict;   /* CPython returns a mappingproxy */
}

static Value dict_or(VM *vm, Value a, Value b) {
    if (!IS_DICT(a) || !IS_DICT(b)) return V_NOTIMPL;
    Value d = dict_copy(vm, a);
    if (!d) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    int r = dict_update(vm, d, b);
    ROOTS_RESET(vm);
    return r < 0 ? VNULL : d;
}

static Value dict_ior(VM *vm, Value a, Value b) {
    if (dict_update(vm, a, b) < 0) return VNULL;
    return a;
}

static const MethodDef dict_methods[] = {
    {"get", m_get, 2, 3, 0, NULL},
    {"setdefault", m_setdefault, 2, 3, 0, NULL},
    {"pop", m_pop, 2, 3, 0, NULL},
    {"popitem", m_popitem, 1, 1, 0, NULL},
    {"clear", m_clear, 1, 1, 0, NULL},
    {"copy", m_copy, 1, 1, 0, NULL},
    {"update", m_update, 1, 2, MF_KW, NULL},
    {"fromkeys", m_fromkeys, 2, 3, MF_CLASS, NULL},
    {"keys", m_keys, 1, 1, 0, NULL},
    {"values", m_values, 1, 1, 0, NULL},
    {"items", m_items, 1, 1, 0, NULL},
    {"__getitem__", m_getitem, 2, 2, 0, NULL},
    {"__contains__", m_contains, 2, 2, 0, NULL},
    {"__reversed__", dict_reversed, 1, 1, 0, NULL},
    {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef view_methods[] = {
    {"__reversed__", view_reversed, 1, 1, 0, NULL},
    {"isdisjoint", view_isdisjoint, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const GetSetDef view_getsets[] = {
    {"mapping", view_mapping, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static const MethodDef diter_methods[] = {
    {"__length_hint__", diter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}

Type type_dictkeys = { .base = STATIC_HDR, .name = "dict_keys_storage", .basicsize = sizeof(DictKeys),
                       .trace = dictkeys_trace };

Type type_dict = {
    .base = STATIC_HDR, .name = "dict", .basicsize = sizeof(Dict), .flags = TF_BASETYPE | TF_DICT_SUBCLASS,
    .trace = dict_trace, .tp_new = dict_new_fn, .tp_init = dict_init_fn, .tp_repr = dict_repr,
    .tp_richcompare = dict_richcompare, .tp_iter = dict_iter, .tp_len = dict_len_slot,
    .tp_getitem = dict_subscript, .tp_setitem = dict_ass_sub, .tp_contains = dict_contains_slot,
    .nb = {[NB_OR] = dict_or}, .nb_inplace = {[NB_OR] = dict_ior},
};

#define VIEW_TYPE(var, nm) \
    Type var = { .base = STATIC_HDR, .name = nm, .basicsize = sizeof(DictView), .trace = view_trace, \
                 .tp_iter = view_iter, .tp_len = view_len, .tp_contains = view_contains, \
                 .tp_repr = view_repr, .tp_richcompare = view_richcompare, \
                 .nb = {[NB_AND] = view_and, [NB_OR] = view_or, [NB_XOR] = view_xor, [NB_SUB] = view_sub} }
VIEW_TYPE(type_dict_keys, "dict_keys");
VIEW_TYPE(type_dict_items, "dict_items");
Type type_dict_values = { .base = STATIC_HDR, .name = "dict_values", .basicsize = sizeof(DictView),
                          .trace = view_trace, .tp_iter = view_iter, .tp_len = view_len,
                          .tp_repr = view_repr };

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }
#define DITER_TYPE(var, nm) \
    Type var = { .base = STATIC_HDR, .name = nm, .basicsize = sizeof(DictIter), .trace = diter_trace, \
                 .tp_iter = self_iter, .tp_iternext = diter_next }
DITER_TYPE(type_dict_keyiter, "dict_keyiterator");
DITER_TYPE(type_dict_valueiter, "dict_valueiterator");
DITER_TYPE(type_dict_itemiter, "dict_itemiterator");

void dict_init_types(void) {
    type_ready(&type_dictkeys);
    type_ready(&type_dict);
    type_add_methods(&type_dict, dict_methods);
    type_set_attr_static(&type_dict, "__hash__", V_NONE);
    Type *views[] = {&type_dict_keys, &type_dict_values, &type_dict_items};
    for (int i = 0; i < 3; i++) {
        type_ready(views[i]);
        type_add_methods(views[i], view_methods);
        type_add_getsets(views[i], view_getsets);
        type_set_attr_static(views[i], "__hash__", V_NONE);
    }
    Type *iters[] = {&type_dict_keyiter, &type_dict_valueiter, &type_dict_itemiter};
    for (int i = 0; i < 3; i++) {
        type_ready(iters[i]);
        type_add_methods(iters[i], diter_methods);
    }
}
