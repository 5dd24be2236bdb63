/* set.c - set and frozenset.
 *
 * The table follows CPython's setobject.c step by step (linear probes of 9
 * then perturbed jumps, the same resize points and the same merge
 * strategies), because the iteration order of a set is visible in printed
 * output and programs compare it with CPython.  The table pointer, the
 * counts and every entry are STM words; a frozenset is never written after
 * it is built.
 *
 * Invariants: entry (VNULL, 0) is unused, (SET_DUMMY, -1) deleted;
 * fill = active + deleted; used = active; fill*5 < mask*3 after each insert.
 */
#include "vm.h"
#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8

static NoneObj set_dummy_obj = {{{0}, OBJ_STATIC, 0, &type_none}};
#define SET_DUMMY v_from_ptr(&set_dummy_obj)

Type type_set_iter;

static void settable_trace(GcTracer *g, Obj *o) {
    SetTable *t = (SetTable *)o;
    for (int64_t i = 0; i <= t->mask; i++)
        if (t->e[i].key != SET_DUMMY) gc_mark_value(g, t->e[i].key);
}

static void set_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, (Value)((Set *)o)->table);
}

static SetTable *table_new(VM *vm, int64_t size) {
    SetTable *t = gc_alloc(vm, &type_settable, sizeof(SetTable) + (size_t)size * sizeof(SetEntry));
    if (t) t->mask = size - 1;
    return t;
}

static inline SetTable *stab(VM *vm, Set *s) { return (SetTable *)v_ptr(RD(vm, s, s->table)); }
#define EKEY(vm, t, i) RD(vm, t, (t)->e[i].key)
#define EHASH(vm, t, i) RDW(vm, t, (t)->e[i].hash)

Value set_new(VM *vm, Type *type) {
    SetTable *t = table_new(vm, SET_MINSIZE);
    if (!t) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(t));
    Value sv = (type == &type_set || type == &type_frozenset) ? v_from_ptr(gc_alloc(vm, type, sizeof(Set)))
                                                               : instance_alloc(vm, type);
    ROOTS_RESET(vm);
    if (!sv) return VNULL;
    Set *s = AS(Set, sv);
    s->table = v_from_ptr(t);
    s->hash = -1;
    return sv;
}

static inline bool is_anyset(Value v) {
    return v_is_obj(v) && (v_isinstance_of(v, &type_set) || v_isinstance_of(v, &type_frozenset));
}

/* Insert into a table known to hold no dummies and not the key. */
static void insert_clean(VM *vm, SetTable *t, Value key, int64_t hash) {
    uint64_t mask = (uint64_t)t->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        if (EKEY(vm, t, i) == VNULL) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                i++;
                if (EKEY(vm, t, i) == VNULL) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    WR(vm, t, t->e[i].key, key);
    WRW(vm, t, t->e[i].hash, hash);
}

static int table_resize(VM *vm, Set *s, int64_t minused) {
    int64_t ns = SET_MINSIZE;
    while (ns <= minused) ns <<= 1;
    SetTable *old = stab(vm, s);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(s));
    SetTable *nt = table_new(vm, ns);
    ROOTS_RESET(vm);
    if (!nt) return -1;
    old = stab(vm, s);
    int64_t fill = RDW(vm, s, s->fill), used = RDW(vm, s, s->used);
    for (int64_t i = 0; i <= old->mask; i++) {
        Value k = EKEY(vm, old, i);
        if (k != VNULL && k != SET_DUMMY) insert_clean(vm, nt, k, EHASH(vm, old, i));
    }
    (void)fill;
    WR(vm, s, s->table, v_from_ptr(nt));
    WRW(vm, s, s->fill, used);
    return 0;
}

static int add_entry(VM *vm, Set *s, Value key, int64_t hash) {
restart:;
    SetTable *t = stab(vm, s);
    uint64_t mask = (uint64_t)t->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    int64_t freeslot = -1;
    for (;;) {
        uint64_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        uint64_t j = i;
        for (;;) {
            Value k = EKEY(vm, t, j);
            int64_t h = EHASH(vm, t, j);
            if (k == VNULL && h == 0) goto found_unused;
            if (h == hash) {
                if (k == key) return 0;
                if (IS_EXACT_STR(k) && IS_EXACT_STR(key)) {
                    if (str_eq(k, key)) return 0;
                } else if (!(v_is_int(k) && v_is_int(key))) {
                    ROOTS_MARK(vm);
                    ROOT_PUSH(vm, key);
                    int r = vm_eq(vm, k, key);
                    ROOTS_RESET(vm);
                    if (r > 0) return 0;
                    if (r < 0) return -1;
                    if (stab(vm, s) != t || EKEY(vm, t, j) != k) goto restart;
                }
            } else if (h == -1 && k == SET_DUMMY && freeslot < 0) {
                freeslot = (int64_t)j;
            }
            if (!probes) break;
            probes--;
            j++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_unused:
        if (freeslot >= 0) {
            WRW(vm, s, s->used, RDW(vm, s, s->used) + 1);
            WR(vm, t, t->e[freeslot].key, key);
            WRW(vm, t, t->e[freeslot].hash, hash);
            return 0;
        }
        {
            int64_t fill = RDW(vm, s, s->fill) + 1, used = RDW(vm, s, s->used) + 1;
            WRW(vm, s, s->fill, fill);
            WRW(vm, s, s->used, used);
            WR(vm, t, t->e[j].key, key);
            WRW(vm, t, t->e[j].hash, hash);
            if ((uint64_t)fill * 5 < mask * 3) return 0;
            return table_resize(vm, s, used > 50000 ? used * 2 : used * 4);
        }
    }
}

/* Returns the entry index, -1 if absent, -2 on error. */
static int64_t lookkey(VM *vm, Set *s, Value key, int64_t hash) {
restart:;
    SetTable *t = stab(vm, s);
    uint64_t mask = (uint64_t)t->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        uint64_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        uint64_t j = i;
        for (;;) {
            Value k = EKEY(vm, t, j);
            int64_t h = EHASH(vm, t, j);
            if (k == VNULL && h == 0) return -1;
            if (h == hash && k != SET_DUMMY) {
                if (k == key) return (int64_t)j;
                if (IS_EXACT_STR(k) && IS_EXACT_STR(key)) {
                    if (str_eq(k, key)) return (int64_t)j;
                } else if (!(v_is_int(k) && v_is_int(key))) {
                    int r = vm_eq(vm, k, key);
                    if (r < 0) return -2;
                    if (stab(vm, s) != t || EKEY(vm, t, j) != k) goto restart;
                    if (r > 0) return (int64_t)j;
                }
            }
            if (!probes) break;
            probes--;
            j++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int64_t hash_key(VM *vm, Value key) {
    if (IS_EXACT_STR(key)) return str_hash(key);
    return vm_hash(vm, key);
}

int set_add(VM *vm, Value sv, Value key) {
    int64_t h = hash_key(vm, key);
    if (h == -1) return -1;
    return add_entry(vm, AS(Set, sv), key, h);
}

static int contains_entry(VM *vm, Set *s, Value key, int64_t hash) {
    int64_t r = lookkey(vm, s, key, hash);
    return r == -2 ? -1 : r >= 0;
}

int set_contains(VM *vm, Value sv, Value key) {
    int64_t h = hash_key(vm, key);
    if (h == -1) {
        /* a set key: look it up as a frozenset */
        if (vm_exc_matches(vm, &exc_TypeError) && v_isinstance_of(key, &type_set)) {
            vm_exc_clear(vm);
            Value fs = set_new(vm, &type_frozenset);
            if (!fs) return -1;
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, fs);
            int r = set_update(vm, fs, key) < 0 ? -1 : set_contains(vm, sv, fs);
            ROOTS_RESET(vm);
            return r;
        }
        return -1;
    }
    return contains_entry(vm, AS(Set, sv), key, h);
}

static int discard_entry(VM *vm, Set *s, Value key, int64_t hash) {
    int64_t ix = lookkey(vm, s, key, hash);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    SetTable *t = stab(vm, s);
    WR(vm, t, t->e[ix].key, SET_DUMMY);
    WRW(vm, t, t->e[ix].hash, -1);
    WRW(vm, s, s->used, RDW(vm, s, s->used) - 1);
    return 1;
}

int set_discard(VM *vm, Value sv, Value key) {
    int64_t h = hash_key(vm, key);
    if (h == -1) return -1;
    return discard_entry(vm, AS(Set, sv), key, h);
}

int64_t set_len(VM *vm, Value sv) { return RDW(vm, AS(Set, sv), AS(Set, sv)->used); }

bool set_next(VM *vm, Value sv, int64_t *pos, Value *key) {
    SetTable *t = stab(vm, AS(Set, sv));
    for (int64_t i = *pos; i <= t->mask; i++) {
        Value k = EKEY(vm, t, i);
        if (k != VNULL && k != SET_DUMMY) {
            *key = k;
            *pos = i + 1;
            return true;
        }
    }
    *pos = t->mask + 1;
    return false;
}

static bool set_next_entry(VM *vm, Set *s, int64_t *pos, Value *key, int64_t *hash) {
    SetTable *t = stab(vm, s);
    for (int64_t i = *pos; i <= t->mask; i++) {
        Value k = EKEY(vm, t, i);
        if (k != VNULL && k != SET_DUMMY) {
            *key = k;
            *hash = EHASH(vm, t, i);
            *pos = i + 1;
            return true;
        }
    }
    *pos = t->mask + 1;
    return false;
}

static int set_merge(VM *vm, Set *so, Set *other) {
    int64_t oused = RDW(vm, other, other->used);
    if (so == other || oused == 0) return 0;
    int64_t fill = RDW(vm, so, so->fill), used = RDW(vm, so, so->used);
    if ((uint64_t)(fill + oused) * 5 >= (uint64_t)stab(vm, so)->mask * 3) {
        if (table_resize(vm, so, (used + oused) * 2) < 0) return -1;
    }
    SetTable *st = stab(vm, so), *ot = stab(vm, other);
    fill = RDW(vm, so, so->fill);
    if (fill == 0 && st->mask == ot->mask && RDW(vm, other, other->fill) == oused) {
        for (int64_t i = 0; i <= ot->mask; i++) {
            Value k = EKEY(vm, ot, i);
            if (k != VNULL) {
                WR(vm, st, st->e[i].key, k);
                WRW(vm, st, st->e[i].hash, EHASH(vm, ot, i));
            }
        }
        WRW(vm, so, so->fill, RDW(vm, other, other->fill));
        WRW(vm, so, so->used, oused);
        return 0;
    }
    if (fill == 0) {
        WRW(vm, so, so->fill, oused);
        WRW(vm, so, so->used, oused);
        for (int64_t i = 0; i <= ot->mask; i++) {
            Value k = EKEY(vm, ot, i);
            if (k != VNULL && k != SET_DUMMY) insert_clean(vm, st, k, EHASH(vm, ot, i));
        }
        return 0;
    }
    for (int64_t i = 0; i <= ot->mask; i++) {
        ot = stab(vm, other);
        if (i > ot->mask) break;
        Value k = EKEY(vm, ot, i);
        if (k != VNULL && k != SET_DUMMY && add_entry(vm, so, k, EHASH(vm, ot, i)) < 0) return -1;
    }
    return 0;
}

int set_update(VM *vm, Value sv, Value other) {
    Set *so = AS(Set, sv);
    if (is_anyset(other)) return set_merge(vm, so, AS(Set, other));
    if (v_is_type(other, &type_dict)) {
        int64_t dsz = dict_len(vm, other);
        if ((uint64_t)(RDW(vm, so, so->fill) + dsz) * 5 >= (uint64_t)stab(vm, so)->mask * 3) {
            if (table_resize(vm, so, (RDW(vm, so, so->used) + dsz) * 2) < 0) return -1;
        }
        int64_t pos = 0;
        Value k;
        while (dict_next(vm, other, &pos, &k, NULL))
            if (set_add(vm, sv, k) < 0) return -1;
        return 0;
    }
    Value it = vm_iter(vm, other);
    if (!it) return -1;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value k;
    while ((k = vm_next(vm, it))) {
        if (set_add(vm, sv, k) < 0) { ROOTS_RESET(vm); return -1; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? -1 : 0;
}

static void set_clear_internal(VM *vm, Set *s) {
    SetTable *t = table_new(vm, SET_MINSIZE);
    if (!t) return;
    WR(vm, s, s->table, v_from_ptr(t));
    WRW(vm, s, s->fill, 0);
    WRW(vm, s, s->used, 0);
}

static Value make_new_set(VM *vm, Type *t, Value iterable) {
    Value s = set_new(vm, t);
    if (!s || !iterable) return s;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, s);
    int r = set_update(vm, s, iterable);
    ROOTS_RESET(vm);
    return r < 0 ? VNULL : s;
}

/* CPython's make_new_set_basetype: subclasses give plain set/frozenset */
static Type *basetype(Value so) {
    return v_isinstance_of(so, &type_frozenset) ? &type_frozenset : &type_set;
}

static Value set_copy(VM *vm, Value so) { return make_new_set(vm, basetype(so), so); }

static int difference_update_internal(VM *vm, Value sv, Value other) {
    Set *so = AS(Set, sv);
    if (sv == other) {
        set_clear_internal(vm, so);
        return vm->exc ? -1 : 0;
    }
    if (is_anyset(other)) {
        int64_t pos = 0;
        Value k;
        int64_t h;
        while (set_next_entry(vm, AS(Set, other), &pos, &k, &h))
            if (discard_entry(vm, so, k, h) < 0) return -1;
        return 0;
    }
    Value it = vm_iter(vm, other);
    if (!it) return -1;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value k;
    while ((k = vm_next(vm, it))) {
        if (set_discard(vm, sv, k) < 0) { ROOTS_RESET(vm); return -1; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? -1 : 0;
}

static Value set_intersection(VM *vm, Value sv, Value other) {
    Value result = set_new(vm, basetype(sv));
    if (!result) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, result);
    if (is_anyset(other)) {
        Value so = sv, ot = other;
        if (set_len(vm, ot) > set_len(vm, so)) { Value t = so; so = ot; ot = t; }
        int64_t pos = 0;
        Value k;
        int64_t h;
        while (set_next_entry(vm, AS(Set, ot), &pos, &k, &h)) {
            int r = contains_entry(vm, AS(Set, so), k, h);
            if (r < 0 || (r && add_entry(vm, AS(Set, result), k, h) < 0)) { ROOTS_RESET(vm); return VNULL; }
        }
        ROOTS_RESET(vm);
        return result;
    }
    Value it = vm_iter(vm, other);
    if (!it) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, it);
    Value k;
    while ((k = vm_next(vm, it))) {
        ROOT_PUSH(vm, k);
        int64_t h = hash_key(vm, k);
        if (h == -1) { ROOTS_RESET(vm); return VNULL; }
        int r = contains_entry(vm, AS(Set, sv), k, h);
        if (r < 0 || (r && add_entry(vm, AS(Set, result), k, h) < 0)) { ROOTS_RESET(vm); return VNULL; }
        vm->nroots--;
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : result;
}

static Value set_difference(VM *vm, Value sv, Value other) {
    int64_t osize;
    if (is_anyset(other)) osize = set_len(vm, other);
    else if (v_is_type(other, &type_dict)) osize = dict_len(vm, other);
    else goto copy_and_diff;
    if ((set_len(vm, sv) >> 2) > osize) goto copy_and_diff;
    {
        Value result = set_new(vm, basetype(sv));
        if (!result) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, result);
        int64_t pos = 0;
        Value k;
        int64_t h;
        while (set_next_entry(vm, AS(Set, sv), &pos, &k, &h)) {
            int r;
            if (v_is_type(other, &type_dict)) {
                bool err;
                Value v = dict_get(vm, other, k, &err);
                r = err ? -1 : v != VNULL;
            } else {
                r = contains_entry(vm, AS(Set, other), k, h);
            }
            if (r < 0 || (!r && add_entry(vm, AS(Set, result), k, h) < 0)) { ROOTS_RESET(vm); return VNULL; }
        }
        ROOTS_RESET(vm);
        return result;
    }
copy_and_diff: {
        Value result = set_copy(vm, sv);
        if (!result) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, result);
        int r = difference_update_internal(vm, result, other);
        ROOTS_RESET(vm);
        return r < 0 ? VNULL : result;
    }
}

static int symmetric_difference_update(VM *vm, Value sv, Value other) {
    Set *so = AS(Set, sv);
    if (sv == other) {
        set_clear_internal(vm, so);
        return 0;
    }
    ROOTS_MARK(vm);
    if (v_is_type(other, &type_dict)) {
        int64_t pos = 0;
        Value k;
        while (dict_next(vm, other, &pos, &k, NULL)) {
            int64_t h = hash_key(vm, k);
            if (h == -1) return -1;
            int r = discard_entry(vm, so, k, h);
            if (r < 0 || (r == 0 && add_entry(vm, so, k, h) < 0)) return -1;
        }
        return 0;
    }
    Value os = other;
    if (!is_anyset(other)) {
        os = make_new_set(vm, basetype(sv), other);
        if (!os) return -1;
        ROOT_PUSH(vm, os);
    }
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (set_next_entry(vm, AS(Set, os), &pos, &k, &h)) {
        int r = discard_entry(vm, so, k, h);
        if (r < 0 || (r == 0 && add_entry(vm, so, k, h) < 0)) { ROOTS_RESET(vm); return -1; }
    }
    ROOTS_RESET(vm);
    return 0;
}

static Value set_symmetric_difference(VM *vm, Value sv, Value other) {
    Value os = make_new_set(vm, basetype(sv), other);
    if (!os) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, os);
    int r = symmetric_difference_update(vm, os, sv);
    ROOTS_RESET(vm);
    return r < 0 ? VNULL : os;
}

static int issubset(VM *vm, Value a, Value b) {
    /* b is a set */
    if (set_len(vm, a) > set_len(vm, b)) return 0;
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (set_next_entry(vm, AS(Set, a), &pos, &k, &h)) {
        int r = contains_entry(vm, AS(Set, b), k, h);
        if (r <= 0) return r;
    }
    return 1;
}

/* ---- slots ---- */
static Value set_repr(VM *vm, Value self) {
    Type *t = v_type(self);
    const char *name = t->name;
    if (set_len(vm, self) == 0) return vm_format(vm, "%s()", name);
    int rr = vm_repr_enter(vm, self);
    if (rr < 0) return VNULL;
    if (rr > 0) return vm_format(vm, "%s(...)", name);
    Value l = vm_sequence_to_list(vm, self);
    if (!l) { vm_repr_leave(vm, self); return VNULL; }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    Value lr = vm_repr(vm, l);
    ROOTS_RESET(vm);
    vm_repr_leave(vm, self);
    if (!lr) return VNULL;
    const char *s = str_cstr(lr);
    int64_t n = str_len(lr);
    bool plain = t == &type_set;
    StrBuf sb = STRBUF_INIT;
    if (!plain) {
        sb_puts(&sb, name);
        sb_putc(&sb, '(');
    }
    sb_putc(&sb, '{');
    sb_append(&sb, s + 1, (size_t)(n - 2));
    sb_putc(&sb, '}');
    if (!plain) sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static int64_t set_len_slot(VM *vm, Value self) { return set_len(vm, self); }
static int set_contains_slot(VM *vm, Value self, Value key) { return set_contains(vm, self, key); }

static Value set_richcompare(VM *vm, Value a, Value b, int op) {
    if (!is_anyset(a) || !is_anyset(b)) return V_NOTIMPL;
    int64_t la = set_len(vm, a), lb = set_len(vm, b);
    int r;
    switch (op) {
    case CMP_EQ_OP:
    case CMP_NE_OP:
        if (la != lb) r = 0;
        else {
            r = issubset(vm, a, b);
            if (r < 0) return VNULL;
        }
        return v_bool(op == CMP_EQ_OP ? r : !r);
    case CMP_LE_OP: r = issubset(vm, a, b); break;
    case CMP_GE_OP: r = issubset(vm, b, a); break;
    case CMP_LT_OP: r = la < lb ? issubset(vm, a, b) : 0; break;
    default: r = lb < la ? issubset(vm, b, a) : 0; break;
    }
    if (r < 0) return VNULL;
    return v_bool(r);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static int64_t frozenset_hash(VM *vm, Value self) {
    Set *s = AS(Set, self);
    int64_t cached = atomic_load_explicit(&s->hash, memory_order_relaxed);
    if (cached != -1) return cached;
    SetTable *t = stab(vm, s);
    uint64_t hash = 0;
    for (int64_t i = 0; i <= t->mask; i++) hash ^= shuffle_bits((uint64_t)EHASH(vm, t, i));
    int64_t fill = RDW(vm, s, s->fill), used = RDW(vm, s, s->used);
    if ((t->mask + 1 - fill) & 1) hash ^= shuffle_bits(0);
    if ((fill - used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    atomic_store_explicit(&s->hash, (int64_t)hash, memory_order_relaxed);
    return (int64_t)hash;
}

/* ---- iterator ---- */
typedef struct SetIter {
    Obj hdr;
    Value set;
    int64_t pos;
    int64_t used;
    int64_t len;
} SetIter;

static void setiter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((SetIter *)o)->set); }

static Value set_iter(VM *vm, Value self) {
    SetIter *it = gc_alloc(vm, &type_set_iter, sizeof(SetIter));
    if (!it) return VNULL;
    it->set = self;
    it->used = set_len(vm, self);
    it->len = it->used;
    return v_from_ptr(it);
}

/* Iterator state goes through the barriers (see list.c). */
static Value setiter_next(VM *vm, Value self) {
    SetIter *it = AS(SetIter, self);
    Value sv = RD(vm, it, it->set);
    if (!sv) return VNULL;
    if (set_len(vm, sv) != RDW(vm, it, it->used)) {
        WRW(vm, it, it->used, -1);
        return vm_raise(vm, &exc_RuntimeError, "Set changed size during iteration");
    }
    Value k;
    int64_t pos = RDW(vm, it, it->pos);
    if (set_next(vm, sv, &pos, &k)) {
        WRW(vm, it, it->pos, pos);
        WRW(vm, it, it->len, RDW(vm, it, it->len) - 1);
        return k;
    }
    WR(vm, it, it->set, VNULL);
    return VNULL;
}

static Value setiter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    SetIter *it = AS(SetIter, args[0]);
    return v_from_small(RD(vm, it, it->set) ? RDW(vm, it, it->len) : 0);
}

/* ---- methods ---- */
#define SELF args[0]
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

M(m_add) { UNUSED; return set_add(vm, SELF, args[1]) < 0 ? VNULL : V_NONE; }

M(m_discard) { UNUSED; return set_discard(vm, SELF, args[1]) < 0 ? VNULL : V_NONE; }

M(m_remove) {
    UNUSED;
    int r = set_discard(vm, SELF, args[1]);
    if (r < 0) return VNULL;
    if (r == 0) return vm_raise_value(vm, exc_new(vm, &exc_KeyError, &args[1], 1));
    return V_NONE;
}

M(m_pop) {
    UNUSED;
    Set *s = AS(Set, SELF);
    if (RDW(vm, s, s->used) == 0) return vm_raise(vm, &exc_KeyError, "pop from an empty set");
    SetTable *t = stab(vm, s);
    int64_t i = RDW(vm, s, s->finger) & t->mask;
    for (;;) {
        Value k = EKEY(vm, t, i);
        if (k != VNULL && k != SET_DUMMY) break;
        i++;
        if (i > t->mask) i = 0;
    }
    Value k = EKEY(vm, t, i);
    WR(vm, t, t->e[i].key, SET_DUMMY);
    WRW(vm, t, t->e[i].hash, -1);
    WRW(vm, s, s->used, RDW(vm, s, s->used) - 1);
    WRW(vm, s, s->finger, i + 1);
    return k;
}

M(m_clear) { UNUSED; set_clear_internal(vm, AS(Set, SELF)); return vm->exc ? VNULL : V_NONE; }
M(m_copy) { UNUSED; return set_copy(vm, SELF); }

M(m_update) {
    (void)kw;
    for (int i = 1; i < nargs; i++)
        if (set_update(vm, SELF, args[i]) < 0) return VNULL;
    return V_NONE;
}

M(m_union) {
    (void)kw;
    Value r = set_copy(vm, SELF);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    for (int i = 1; i < nargs; i++) {
        if (set_update(vm, r, args[i]) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return r;
}

M(m_intersection) {
    (void)kw;
    if (nargs == 1) return set_copy(vm, SELF);
    Value r = SELF;
    ROOTS_MARK(vm);
    for (int i = 1; i < nargs; i++) {
        r = set_intersection(vm, r, args[i]);
        if (!r) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, r);
    }
    ROOTS_RESET(vm);
    return r;
}

static void swap_bodies(VM *vm, Set *a, Set *b) {
    Value t = RD(vm, a, a->table);
    int64_t f = RDW(vm, a, a->fill), u = RDW(vm, a, a->used);
    WR(vm, a, a->table, RD(vm, b, b->table));
    WRW(vm, a, a->fill, RDW(vm, b, b->fill));
    WRW(vm, a, a->used, RDW(vm, b, b->used));
    WR(vm, b, b->table, t);
    WRW(vm, b, b->fill, f);
    WRW(vm, b, b->used, u);
}

M(m_intersection_update) {
    Value r = m_intersection(vm, args, nargs, kw);
    if (!r) return VNULL;
    if (r != SELF) swap_bodies(vm, AS(Set, SELF), AS(Set, r));
    return V_NONE;
}

M(m_difference) {
    (void)kw;
    if (nargs == 1) return set_copy(vm, SELF);
    Value r = set_difference(vm, SELF, args[1]);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    for (int i = 2; i < nargs; i++) {
        if (difference_update_internal(vm, r, args[i]) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOTS_RESET(vm);
    return r;
}

M(m_difference_update) {
    (void)kw;
    for (int i = 1; i < nargs; i++)
        if (difference_update_internal(vm, SELF, args[i]) < 0) return VNULL;
    return V_NONE;
}

M(m_symmetric_difference) { UNUSED; return set_symmetric_difference(vm, SELF, args[1]); }
M(m_symmetric_difference_update) { UNUSED; return symmetric_difference_update(vm, SELF, args[1]) < 0 ? VNULL : V_NONE; }

static Value as_set(VM *vm, Value other) {
    if (is_anyset(other)) return other;
    return make_new_set(vm, &type_set, other);
}

M(m_issubset) {
    UNUSED;
    Value o = as_set(vm, args[1]);
    if (!o) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    int r = issubset(vm, SELF, o);
    ROOTS_RESET(vm);
    return r < 0 ? VNULL : v_bool(r);
}

M(m_issuperset) {
    UNUSED;
    Value o = as_set(vm, args[1]);
    if (!o) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    int r = issubset(vm, o, SELF);
    ROOTS_RESET(vm);
    return r < 0 ? VNULL : v_bool(r);
}

M(m_isdisjoint) {
    UNUSED;
    Value o = as_set(vm, args[1]);
    if (!o) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    Value small = SELF, big = o;
    if (set_len(vm, small) > set_len(vm, big)) { small = o; big = SELF; }
    int64_t pos = 0;
    Value k;
    int64_t h;
    while (set_next_entry(vm, AS(Set, small), &pos, &k, &h)) {
        int r = contains_entry(vm, AS(Set, big), k, h);
        if (r) { ROOTS_RESET(vm); return r < 0 ? VNULL : V_FALSE; }
    }
    ROOTS_RESET(vm);
    return V_TRUE;
}

M(m_contains) {
    UNUSED;
    int r = set_contains(vm, SELF, args[1]);
    return r < 0 ? VNULL : v_bool(r);
}

M(m_sizeof) {
    UNUSED;
    return v_from_small((int64_t)(sizeof(Set) + (size_t)(stab(vm, AS(Set, SELF))->mask + 1) * sizeof(SetEntry)));
}

/* operators */
static Value op_or(VM *vm, Value a, Value b) {
    if (!is_anyset(a) || !is_anyset(b)) return V_NOTIMPL;
    Value r = set_copy(vm, a);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    int rc = set_update(vm, r, b);
    ROOTS_RESET(vm);
    return rc < 0 ? VNULL : r;
}
static Value op_and(VM *vm, Value a, Value b) {
    if (!is_anyset(a) || !is_anyset(b)) return V_NOTIMPL;
    return set_intersection(vm, a, b);
}
static Value op_sub(VM *vm, Value a, Value b) {
    if (!is_anyset(a) || !is_anyset(b)) return V_NOTIMPL;
    return set_difference(vm, a, b);
}
static Value op_xor(VM *vm, Value a, Value b) {
    if (!is_anyset(a) || !is_anyset(b)) return V_NOTIMPL;
    return set_symmetric_difference(vm, a, b);
}
static Value op_ior(VM *vm, Value a, Value b) {
    if (!is_anyset(b)) return V_NOTIMPL;
    return set_update(vm, a, b) < 0 ? VNULL : a;
}
static Value op_iand(VM *vm, Value a, Value b) {
    if (!is_anyset(b)) return V_NOTIMPL;
    Value args[2] = {a, b};
    return m_intersection_update(vm, args, 2, VNULL) ? a : VNULL;
}
static Value op_isub(VM *vm, Value a, Value b) {
    if (!is_anyset(b)) return V_NOTIMPL;
    return difference_update_internal(vm, a, b) < 0 ? VNULL : a;
}
static Value op_ixor(VM *vm, Value a, Value b) {
    if (!is_anyset(b)) return V_NOTIMPL;
    return symmetric_difference_update(vm, a, b) < 0 ? VNULL : a;
}

static Value set_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs;
    if (kwnames && tuple_len(kwnames) && t == &type_set)
        return vm_raise(vm, &exc_TypeError, "set() takes no keyword arguments");
    return set_new(vm, t);
}

static int set_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) {
        vm_raise(vm, &exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        vm_raise(vm, &exc_TypeError, "set expected at most 1 argument, got %d", nargs);
        return -1;
    }
    if (set_len(vm, self)) set_clear_internal(vm, AS(Set, self));
    if (nargs == 1) return set_update(vm, self, args[0]);
    return 0;
}

static Value frozenset_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "frozenset() takes no keyword arguments");
    if (nargs > 1) return vm_raise(vm, &exc_TypeError, "frozenset expected at most 1 argument, got %d", nargs);
    if (nargs == 1 && t == &type_frozenset && v_is_type(args[0], &type_frozenset)) return args[0];
    return make_new_set(vm, t, nargs ? args[0] : VNULL);
}

static const MethodDef set_methods[] = {
    {"add", m_add, 2, 2, 0, NULL},
    {"discard", m_discard, 2, 2, 0, NULL},
    {"remove", m_remove, 2, 2, 0, NULL},
    {"pop", m_pop, 1, 1, 0, NULL},
    {"clear", m_clear, 1, 1, 0, NULL},
    {"copy", m_copy, 1, 1, 0, NULL},
    {"update", m_update, 1, -1, 0, NULL},
    {"union", m_union, 1, -1, 0, NULL},
    {"intersection", m_intersection, 1, -1, 0, NULL},
    {"intersection_update", m_intersection_update, 1, -1, 0, NULL},
    {"difference", m_difference, 1, -1, 0, NULL},
    {"difference_update", m_difference_update, 1, -1, 0, NULL},
    {"symmetric_difference", m_symmetric_difference, 2, 2, 0, NULL},
    {"symmetric_difference_update", m_symmetric_difference_update, 2, 2, 0, NULL},
    {"issubset", m_issubset, 2, 2, 0, NULL},
    {"issuperset", m_issuperset, 2, 2, 0, NULL},
    {"isdisjoint", m_isdisjoint, 2, 2, 0, NULL},
    {"__contains__", m_contains, 2, 2, 0, NULL},
    {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value m_frozen_copy(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    if (v_is_type(args[0], &type_frozenset)) return args[0];   /* immutable: itself */
    return m_copy(vm, args, nargs, kw);
}

static const MethodDef frozenset_methods[] = {
    {"copy", m_frozen_copy, 1, 1, 0, NULL},
    {"union", m_union, 1, -1, 0, NULL},
    {"intersection", m_intersection, 1, -1, 0, NULL},
    {"difference", m_difference, 1, -1, 0, NULL},
    {"symmetric_difference", m_symmetric_difference, 2, 2, 0, NULL},
    {"issubset", m_issubset, 2, 2, 0, NULL},
    {"issuperset", m_issuperset, 2, 2, 0, NULL},
    {"isdisjoint", m_isdisjoint, 2, 2, 0, NULL},
    {"__contains__", m_contains, 2, 2, 0, NULL},
    {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_settable = { .base = STATIC_HDR, .name = "set_table", .basicsize = sizeof(SetTable), .trace = settable_trace };
Type type_set = {
    .base = STATIC_HDR, .name = "set", .basicsize = sizeof(Set), .flags = TF_BASETYPE, .trace = set_trace,
    .tp_new = set_new_fn, .tp_init = set_init_fn, .tp_repr = set_repr, .tp_richcompare = set_richcompare,
    .tp_iter = set_iter, .tp_len = set_len_slot, .tp_contains = set_contains_slot,
    .nb = {[NB_OR] = op_or, [NB_AND] = op_and, [NB_SUB] = op_sub, [NB_XOR] = op_xor},
    .nb_inplace = {[NB_OR] = op_ior, [NB_AND] = op_iand, [NB_SUB] = op_isub, [NB_XOR] = op_ixor},
};
Type type_frozenset = {
    .base = STATIC_HDR, .name = "frozenset", .basicsize = sizeof(Set), .flags = TF_BASETYPE, .trace = set_trace,
    .tp_new = frozenset_new_fn, .tp_repr = set_repr, .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare, .tp_iter = set_iter, .tp_len = set_len_slot,
    .tp_contains = set_contains_slot,
    .nb = {[NB_OR] = op_or, [NB_AND] = op_and, [NB_SUB] = op_sub, [NB_XOR] = op_xor},
};
Type type_set_iter = { .base = STATIC_HDR, .name = "set_iterator", .basicsize = sizeof(SetIter),
                       .trace = setiter_trace, .tp_iter = self_iter, .tp_iternext = setiter_next };

void set_init_types(void) {
    type_ready(&type_settable);
    type_ready(&type_set);
    type_add_methods(&type_set, set_methods);
    type_set_attr_static(&type_set, "__hash__", V_NONE);
    type_ready(&type_frozenset);
    type_add_methods(&type_frozenset, frozenset_methods);
    type_ready(&type_set_iter);
    type_add_methods(&type_set_iter, setiter_methods);
}
