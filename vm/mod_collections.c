/* mod_collections.c - the _collections module: collections.deque (with its
 * forward and reverse iterators), _count_elements (Counter's hot loop) and
 * _tuplegetter (the field descriptors of namedtuple classes).
 *
 * A deque is a ring buffer: a ValArray whose capacity is a power of two,
 * the index of the first item (`head`) and the item count (`size`).  Item i
 * lives in slot (head + i) & (cap - 1).  Every field and every slot is an
 * STM word (RD/WR).  Invariants: 0 <= size <= cap; slots outside the live
 * range hold VNULL (so the GC never keeps popped objects alive); maxlen is
 * -1 (unbounded) or >= 0 and size <= maxlen.  `state` counts structural
 * mutations (appends, pops, inserts, removals, rotations, clears) like
 * CPython's deque->state: iterators remember it and raise "deque mutated
 * during iteration" when it changed.  Item assignment and reverse() do not
 * change it (as in CPython).
 *
 * Python code can run inside comparisons, repr and iteration of arguments,
 * so after any such call the buffer pointer is re-read from the deque.
 *
 * A _tuplegetter's index is immutable; its __doc__ is an STM word.
 */
#include "vm.h"
#include <string.h>

Value generic_alias_new(VM *vm, Value origin, Value args);

typedef struct Deque {
    Obj hdr;
    uint64_t items;             /* STM word: ValArray* (capacity a power of two) */
    uint64_t head;              /* STM word: slot of item 0 */
    uint64_t size;              /* STM word: number of items */
    uint64_t maxlen;            /* STM word: int64, -1 = unbounded */
    uint64_t state;             /* STM word: mutation counter */
} Deque;

typedef struct DequeIter {
    Obj hdr;
    Value deque;
    uint64_t index;             /* STM word: next logical index (reverse: counts down) */
    uint64_t state;             /* deque state when created (immutable) */
    uint64_t left;              /* STM word: items still to produce */
} DequeIter;

static Type type_deque, type_deque_iter, type_deque_reviter, type_tuplegetter;

#define IS_DEQUE(v) (v_is_obj(v) && type_is_subtype(OBJ(v)->type, &type_deque))

static void deque_trace(GcTracer *g, Obj *o) { gc_mark_value(g, (Value)((Deque *)o)->items); }
static void dequeiter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((DequeIter *)o)->deque); }

/* ---- field access ---- */
static inline ValArray *dq_buf(VM *vm, Deque *d) { return (ValArray *)v_ptr(RD(vm, d, d->items)); }
static inline int64_t dq_size(VM *vm, Deque *d) { return RDW(vm, d, d->size); }
static inline int64_t dq_head(VM *vm, Deque *d) { return RDW(vm, d, d->head); }
static inline int64_t dq_maxlen(VM *vm, Deque *d) { return RDW(vm, d, d->maxlen); }
static inline void dq_bump(VM *vm, Deque *d) { WRW(vm, d, d->state, RDW(vm, d, d->state) + 1); }

/* slot of logical index i */
static inline int64_t dq_slot(VM *vm, Deque *d, ValArray *a, int64_t i) { return (dq_head(vm, d) + i) & (a->cap - 1); }

static Value dq_get(VM *vm, Deque *d, int64_t i) {
    ValArray *a = dq_buf(vm, d);
    return RD(vm, a, a->items[dq_slot(vm, d, a, i)]);
}

static void dq_put(VM *vm, Deque *d, int64_t i, Value v) {
    ValArray *a = dq_buf(vm, d);
    WR(vm, a, a->items[dq_slot(vm, d, a, i)], v);
}

/* Make room for one more item (capacity doubles, items move to slot 0..). */
static bool dq_reserve(VM *vm, Deque *d, int64_t need) {
    ValArray *a = dq_buf(vm, d);
    if (need <= a->cap) return true;
    int64_t ncap = a->cap;
    while (ncap < need) {
        if (ncap > (INT64_C(1) << 40)) { vm_raise_nomem(vm); return false; }
        ncap *= 2;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(d));
    Value nb = valarray_new(vm, ncap);
    ROOTS_RESET(vm);
    if (!nb) return false;
    a = dq_buf(vm, d);
    int64_t n = dq_size(vm, d), h = dq_head(vm, d);
    ValArray *b = AS(ValArray, nb);
    for (int64_t i = 0; i < n; i++) b->items[i] = RD(vm, a, a->items[(h + i) & (a->cap - 1)]);
    WR(vm, d, d->items, nb);
    WRW(vm, d, d->head, 0);
    return true;
}

static Value dq_pop_right(VM *vm, Deque *d) {
    int64_t n = dq_size(vm, d);
    ValArray *a = dq_buf(vm, d);
    int64_t s = dq_slot(vm, d, a, n - 1);
    Value v = RD(vm, a, a->items[s]);
    WR(vm, a, a->items[s], VNULL);
    WRW(vm, d, d->size, n - 1);
    dq_bump(vm, d);
    return v;
}

static Value dq_pop_left(VM *vm, Deque *d) {
    int64_t n = dq_size(vm, d);
    ValArray *a = dq_buf(vm, d);
    int64_t s = dq_slot(vm, d, a, 0);
    Value v = RD(vm, a, a->items[s]);
    WR(vm, a, a->items[s], VNULL);
    WRW(vm, d, d->head, (s + 1) & (a->cap - 1));
    WRW(vm, d, d->size, n - 1);
    dq_bump(vm, d);
    return v;
}

static bool dq_push_right(VM *vm, Deque *d, Value v) {
    int64_t ml = dq_maxlen(vm, d);
    if (ml == 0) return true;
    int64_t n = dq_size(vm, d);
    if (n == ml) {
        dq_pop_left(vm, d);
        n--;
    }
    if (n + 1 > dq_buf(vm, d)->cap) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, v);
        bool ok = dq_reserve(vm, d, n + 1);
        ROOTS_RESET(vm);
        if (!ok) return false;
    }
    ValArray *a = dq_buf(vm, d);
    WR(vm, a, a->items[dq_slot(vm, d, a, n)], v);
    WRW(vm, d, d->size, n + 1);
    dq_bump(vm, d);
    return true;
}

static bool dq_push_left(VM *vm, Deque *d, Value v) {
    int64_t ml = dq_maxlen(vm, d);
    if (ml == 0) return true;
    int64_t n = dq_size(vm, d);
    if (n == ml) {
        dq_pop_right(vm, d);
        n--;
    }
    if (n + 1 > dq_buf(vm, d)->cap) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, v);
        bool ok = dq_reserve(vm, d, n + 1);
        ROOTS_RESET(vm);
        if (!ok) return false;
    }
    ValArray *a = dq_buf(vm, d);
    int64_t h = (dq_head(vm, d) - 1) & (a->cap - 1);
    WR(vm, a, a->items[h], v);
    WRW(vm, d, d->head, h);
    WRW(vm, d, d->size, n + 1);
    dq_bump(vm, d);
    return true;
}

static void dq_clear(VM *vm, Deque *d) {
    int64_t n = dq_size(vm, d);
    if (n == 0) return;
    ValArray *a = dq_buf(vm, d);
    for (int64_t i = 0; i < n; i++) WR(vm, a, a->items[dq_slot(vm, d, a, i)], VNULL);
    WRW(vm, d, d->size, 0);
    WRW(vm, d, d->head, 0);
    dq_bump(vm, d);
}

/* A tuple with the current items (for repr, comparisons, copies). */
static Value dq_snapshot(VM *vm, Deque *d) {
    int64_t n = dq_size(vm, d);
    Value t = tuple_new(vm, n);
    if (!t) return VNULL;
    ValArray *a = dq_buf(vm, d);
    for (int64_t i = 0; i < n; i++) tuple_items(t)[i] = RD(vm, a, a->items[dq_slot(vm, d, a, i)]);
    return t;
}

/* Append everything `iterable` yields, at the right or the left. */
static bool dq_extend(VM *vm, Value self, Value iterable, bool left) {
    Deque *d = AS(Deque, self);
    ROOTS_MARK(vm);
    if (iterable == self) {     /* d.extend(d): iterate over a copy */
        iterable = dq_snapshot(vm, d);
        if (!iterable) return false;
        ROOT_PUSH(vm, iterable);
    }
    if (IS_TUPLE(iterable) || IS_LIST(iterable)) {
        int64_t n;
        Value *src;
        Value keep = vm_unpack_iterable(vm, iterable, &n, &src);
        if (!keep) { ROOTS_RESET(vm); return false; }
        ROOT_PUSH(vm, keep);
        for (int64_t i = 0; i < n; i++) {
            if (!(left ? dq_push_left(vm, d, src[i]) : dq_push_right(vm, d, src[i]))) { ROOTS_RESET(vm); return false; }
        }
        ROOTS_RESET(vm);
        return true;
    }
    Value it = vm_iter(vm, iterable);
    if (!it) { ROOTS_RESET(vm); return false; }
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        if (!(left ? dq_push_left(vm, d, x) : dq_push_right(vm, d, x))) { ROOTS_RESET(vm); return false; }
    }
    ROOTS_RESET(vm);
    return vm->exc == VNULL;
}

/* Rotate right by n (left when negative), as CPython's deque.rotate. */
static void dq_rotate(VM *vm, Deque *d, int64_t n) {
    int64_t len = dq_size(vm, d);
    if (len <= 1) return;
    int64_t half = len >> 1;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    if (n == 0) return;
    ValArray *a = dq_buf(vm, d);
    int64_t mask = a->cap - 1, h = dq_head(vm, d);
    if (n > 0) {
        for (int64_t k = 0; k < n; k++) {
            int64_t tail = (h + len - 1) & mask;
            Value v = RD(vm, a, a->items[tail]);
            WR(vm, a, a->items[tail], VNULL);
            h = (h - 1) & mask;
            WR(vm, a, a->items[h], v);
        }
    } else {
        for (int64_t k = 0; k < -n; k++) {
            Value v = RD(vm, a, a->items[h]);
            WR(vm, a, a->items[h], VNULL);
            WR(vm, a, a->items[(h + len) & mask], v);
            h = (h + 1) & mask;
        }
    }
    WRW(vm, d, d->head, h);
    dq_bump(vm, d);
}

/* Remove logical index i (0 <= i < size), shifting the shorter side. */
static void dq_delete_at(VM *vm, Deque *d, int64_t i) {
    int64_t n = dq_size(vm, d);
    if (i < n / 2) {
        for (int64_t k = i; k > 0; k--) dq_put(vm, d, k, dq_get(vm, d, k - 1));
        dq_pop_left(vm, d);
    } else {
        for (int64_t k = i; k < n - 1; k++) dq_put(vm, d, k, dq_get(vm, d, k + 1));
        dq_pop_right(vm, d);
    }
}

/* ---- construction ---- */
static Value deque_alloc(VM *vm, Type *t) {
    Value o;
    if (t == &type_deque) {
        Deque *d = gc_alloc(vm, t, sizeof(Deque));
        if (!d) return VNULL;
        o = v_from_ptr(d);
    } else {
        o = instance_alloc(vm, t);
        if (!o) return VNULL;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    Value buf = valarray_new(vm, 8);
    ROOTS_RESET(vm);
    if (!buf) return VNULL;
    Deque *d = AS(Deque, o);
    d->items = buf;
    d->maxlen = (uint64_t)INT64_C(-1);
    return o;
}

static Value deque_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return deque_alloc(vm, t);
}

static bool parse_maxlen(VM *vm, Value v, int64_t *out) {
    *out = -1;
    if (!v || v == V_NONE) return true;
    if (!v_is_intlike(v) && !v_type(v)->nb_index) {
        vm_raise(vm, &exc_TypeError, "an integer is required");
        return false;
    }
    if (!vm_index_i64(vm, v, out, &exc_OverflowError)) return false;
    if (*out < 0) {
        vm_raise(vm, &exc_ValueError, "maxlen must be non-negative");
        return false;
    }
    return true;
}

static int deque_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "maxlen", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "deque", args, nargs, kwnames, names, 0, 0, out)) return -1;
    int64_t ml;
    if (!parse_maxlen(vm, out[1], &ml)) return -1;
    Deque *d = AS(Deque, self);
    WRW(vm, d, d->maxlen, ml);
    dq_clear(vm, d);
    if (out[0] && !dq_extend(vm, self, out[0], false)) return -1;
    return 0;
}

/* A new deque of self's type with the same items and maxlen. */
static Value dq_copy(VM *vm, Value self) {
    Deque *d = AS(Deque, self);
    int64_t ml = dq_maxlen(vm, d);
    if (v_type(self) == &type_deque) {
        Value r = deque_alloc(vm, &type_deque);
        if (!r) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, r);
        Deque *c = AS(Deque, r);
        c->maxlen = (uint64_t)ml;
        int64_t n = dq_size(vm, d);
        bool ok = dq_reserve(vm, c, n);
        for (int64_t i = 0; ok && i < n; i++) ok = dq_push_right(vm, c, dq_get(vm, d, i));
        ROOTS_RESET(vm);
        return ok ? r : VNULL;
    }
    Value cls = v_from_ptr(v_type(self));
    if (ml < 0) return vm_call1(vm, cls, self);
    return vm_call2(vm, cls, self, int_from_i64(vm, ml));
}

/* ---- methods ---- */
#define SELF (args[0])
#define D (AS(Deque, args[0]))
#define METHOD(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

METHOD(m_append) { UNUSED; return dq_push_right(vm, D, args[1]) ? V_NONE : VNULL; }
METHOD(m_appendleft) { UNUSED; return dq_push_left(vm, D, args[1]) ? V_NONE : VNULL; }

METHOD(m_pop) {
    UNUSED;
    if (dq_size(vm, D) == 0) return vm_raise(vm, &exc_IndexError, "pop from an empty deque");
    return dq_pop_right(vm, D);
}

METHOD(m_popleft) {
    UNUSED;
    if (dq_size(vm, D) == 0) return vm_raise(vm, &exc_IndexError, "pop from an empty deque");
    return dq_pop_left(vm, D);
}

METHOD(m_extend) { UNUSED; return dq_extend(vm, SELF, args[1], false) ? V_NONE : VNULL; }
METHOD(m_extendleft) { UNUSED; return dq_extend(vm, SELF, args[1], true) ? V_NONE : VNULL; }
METHOD(m_clear) { UNUSED; dq_clear(vm, D); return V_NONE; }
METHOD(m_copy) { UNUSED; return dq_copy(vm, SELF); }

METHOD(m_count) {
    UNUSED;
    Deque *d = D;
    uint64_t st = RDW(vm, d, d->state);
    int64_t c = 0;
    for (int64_t i = 0; i < dq_size(vm, d); i++) {
        int r = vm_eq(vm, dq_get(vm, d, i), args[1]);
        if (r < 0) return VNULL;
        if ((uint64_t)RDW(vm, d, d->state) != st) return vm_raise(vm, &exc_RuntimeError, "deque mutated during iteration");
        c += r;
    }
    return int_from_i64(vm, c);
}

static int deque_contains(VM *vm, Value self, Value x) {
    Deque *d = AS(Deque, self);
    uint64_t st = RDW(vm, d, d->state);
    for (int64_t i = 0; i < dq_size(vm, d); i++) {
        int r = vm_eq(vm, dq_get(vm, d, i), x);
        if (r < 0) return -1;
        if ((uint64_t)RDW(vm, d, d->state) != st) {
            vm_raise(vm, &exc_RuntimeError, "deque mutated during iteration");
            return -1;
        }
        if (r) return 1;
    }
    return 0;
}

METHOD(m_index) {
    (void)kw;
    Deque *d = D;
    int64_t n = dq_size(vm, d), lo = 0, hi = n;
    if (nargs > 2) {
        if (!vm_index_i64(vm, args[2], &lo, NULL)) return VNULL;
        if (lo < 0) { lo += n; if (lo < 0) lo = 0; }
    }
    if (nargs > 3) {
        if (!vm_index_i64(vm, args[3], &hi, NULL)) return VNULL;
        if (hi < 0) { hi += n; if (hi < 0) hi = 0; }
    }
    if (hi > n) hi = n;
    uint64_t st = RDW(vm, d, d->state);
    for (int64_t i = lo; i < hi; i++) {
        int r = vm_eq(vm, dq_get(vm, d, i), args[1]);
        if (r < 0) return VNULL;
        if ((uint64_t)RDW(vm, d, d->state) != st) return vm_raise(vm, &exc_RuntimeError, "deque mutated during iteration");
        if (r) return int_from_i64(vm, i);
    }
    return vm_raise(vm, &exc_ValueError, "%R is not in deque", args[1]);
}

METHOD(m_insert) {
    UNUSED;
    Deque *d = D;
    int64_t i;
    if (!vm_index_i64(vm, args[1], &i, NULL)) return VNULL;
    int64_t n = dq_size(vm, d), ml = dq_maxlen(vm, d);
    if (ml >= 0 && n >= ml) return vm_raise(vm, &exc_IndexError, "deque already at its maximum size");
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (i >= n / 2) {
        if (!dq_push_right(vm, d, args[2])) return VNULL;
        for (int64_t k = n; k > i; k--) dq_put(vm, d, k, dq_get(vm, d, k - 1));
    } else {
        if (!dq_push_left(vm, d, args[2])) return VNULL;
        for (int64_t k = 0; k < i; k++) dq_put(vm, d, k, dq_get(vm, d, k + 1));
    }
    dq_put(vm, d, i, args[2]);
    return V_NONE;
}

METHOD(m_remove) {
    UNUSED;
    Deque *d = D;
    uint64_t st = RDW(vm, d, d->state);
    for (int64_t i = 0; i < dq_size(vm, d); i++) {
        int r = vm_eq(vm, dq_get(vm, d, i), args[1]);
        if (r < 0) return VNULL;
        if ((uint64_t)RDW(vm, d, d->state) != st) return vm_raise(vm, &exc_IndexError, "deque mutated during iteration");
        if (r) {
            dq_delete_at(vm, d, i);
            return V_NONE;
        }
    }
    return vm_raise(vm, &exc_ValueError, "%R is not in deque", args[1]);
}

METHOD(m_reverse) {
    UNUSED;
    Deque *d = D;
    for (int64_t i = 0, j = dq_size(vm, d) - 1; i < j; i++, j--) {
        Value t = dq_get(vm, d, i);
        dq_put(vm, d, i, dq_get(vm, d, j));
        dq_put(vm, d, j, t);
    }
    return V_NONE;
}

METHOD(m_rotate) {
    (void)kw;
    int64_t n = 1;
    if (nargs > 1 && !vm_index_i64(vm, args[1], &n, &exc_OverflowError)) return VNULL;
    dq_rotate(vm, D, n);
    return V_NONE;
}

static Value dq_make_iter(VM *vm, Value self, bool reverse) {
    Deque *d = AS(Deque, self);
    DequeIter *it = gc_alloc(vm, reverse ? &type_deque_reviter : &type_deque_iter, sizeof(DequeIter));
    if (!it) return VNULL;
    int64_t n = dq_size(vm, d);
    it->deque = self;
    it->index = (uint64_t)(reverse ? n - 1 : 0);
    it->state = (uint64_t)RDW(vm, d, d->state);
    it->left = (uint64_t)n;
    return v_from_ptr(it);
}

METHOD(m_reversed) { UNUSED; return dq_make_iter(vm, SELF, true); }
METHOD(m_copy_dunder) { UNUSED; return dq_copy(vm, SELF); }

METHOD(m_class_getitem) { UNUSED; return generic_alias_new(vm, args[0], args[1]); }

METHOD(m_sizeof) {
    UNUSED;
    return int_from_i64(vm, (int64_t)sizeof(Deque) + dq_buf(vm, D)->cap * 8);
}

/* (type, () or ((), maxlen), __dict__ or None, iter(self)), as CPython */
METHOD(m_reduce) {
    UNUSED;
    Deque *d = D;
    ROOTS_MARK(vm);
    bool err = false;
    Value state = vm_getattr_opt(vm, SELF, NM(__dict__), &err);
    if (err) return VNULL;
    if (!state) state = V_NONE;
    ROOT_PUSH(vm, state);
    Value it = dq_make_iter(vm, SELF, false);
    if (!it) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, it);
    int64_t ml = dq_maxlen(vm, d);
    Value a = ml < 0 ? empty_tuple : tuple_pack(vm, 2, empty_tuple, int_from_i64(vm, ml));
    if (!a) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, a);
    Value r = tuple_pack(vm, 4, v_from_ptr(v_type(SELF)), a, state, it);
    ROOTS_RESET(vm);
    return r;
}

static Value g_maxlen(VM *vm, Value o) {
    int64_t ml = dq_maxlen(vm, AS(Deque, o));
    return ml < 0 ? V_NONE : int_from_i64(vm, ml);
}

/* ---- slots ---- */
static int64_t deque_len(VM *vm, Value self) { return dq_size(vm, AS(Deque, self)); }
static int deque_bool(VM *vm, Value self) { return dq_size(vm, AS(Deque, self)) != 0; }
static Value deque_iter(VM *vm, Value self) { return dq_make_iter(vm, self, false); }

static bool dq_index_arg(VM *vm, Deque *d, Value key, int64_t *out) {
    int64_t i;
    if (v_is_int(key)) i = v_int(key);
    else if (!v_is_intlike(key) && !v_type(key)->nb_index) {
        vm_raise(vm, &exc_TypeError, "sequence index must be integer, not '%s'", v_type(key)->name);
        return false;
    } else if (!vm_index_i64(vm, key, &i, &exc_IndexError)) {
        return false;
    }
    int64_t n = dq_size(vm, d);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        vm_raise(vm, &exc_IndexError, "deque index out of range");
        return false;
    }
    *out = i;
    return true;
}

static Value deque_getitem(VM *vm, Value self, Value key) {
    Deque *d = AS(Deque, self);
    int64_t i;
    if (!dq_index_arg(vm, d, key, &i)) return VNULL;
    return dq_get(vm, d, i);
}

static int deque_setitem(VM *vm, Value self, Value key, Value v) {
    Deque *d = AS(Deque, self);
    int64_t i;
    if (!dq_index_arg(vm, d, key, &i)) return -1;
    if (v) dq_put(vm, d, i, v);
    else dq_delete_at(vm, d, i);
    return 0;
}

static Value deque_repr(VM *vm, Value self) {
    Deque *d = AS(Deque, self);
    Type *t = v_type(self);
    const char *tn = t == &type_deque ? "deque" : t->name;
    int r = vm_repr_enter(vm, self);
    if (r < 0) return VNULL;
    if (r > 0) return str_from_cstr(vm, "[...]");
    ROOTS_MARK(vm);
    Value items = dq_snapshot(vm, d);
    Value l = items ? list_from_array(vm, tuple_items(items), tuple_len(items)) : VNULL;
    Value lr = VNULL;
    if (l) {
        ROOT_PUSH(vm, l);
        lr = vm_repr(vm, l);
    }
    vm_repr_leave(vm, self);
    ROOTS_RESET(vm);
    if (!lr) return VNULL;
    int64_t ml = dq_maxlen(vm, d);
    if (ml >= 0) return vm_format(vm, "%s(%U, maxlen=%lld)", tn, lr, (long long)ml);
    return vm_format(vm, "%s(%U)", tn, lr);
}

static Value deque_richcompare(VM *vm, Value a, Value b, int op) {
    if (!IS_DEQUE(a) || !IS_DEQUE(b)) return V_NOTIMPL;
    ROOTS_MARK(vm);
    Value ta = dq_snapshot(vm, AS(Deque, a));
    if (!ta) return VNULL;
    ROOT_PUSH(vm, ta);
    Value tb = dq_snapshot(vm, AS(Deque, b));
    if (!tb) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, tb);
    Value r = vm_richcompare(vm, ta, tb, op);
    ROOTS_RESET(vm);
    return r;
}

static Value deque_concat(VM *vm, Value a, Value b) {
    if (!IS_DEQUE(a)) return V_NOTIMPL;
    if (!IS_DEQUE(b))
        return vm_raise(vm, &exc_TypeError, "can only concatenate deque (not \"%s\") to deque", v_type(b)->name);
    Value r = dq_copy(vm, a);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    bool ok = dq_extend(vm, r, b, false);
    ROOTS_RESET(vm);
    return ok ? r : VNULL;
}

/* Repeat the items in place: self becomes self * k (bounded by maxlen). */
static bool dq_repeat_inplace(VM *vm, Value self, Value count) {
    int64_t k;
    if (!vm_index_i64(vm, count, &k, &exc_OverflowError)) return false;
    Deque *d = AS(Deque, self);
    int64_t n = dq_size(vm, d);
    if (k <= 0 || n == 0) {
        dq_clear(vm, d);
        return true;
    }
    if (k == 1) return true;
    /* a bounded deque keeps only its last maxlen items: more copies than
     * maxlen / n + 2 change nothing (whole copies keep the alignment) */
    int64_t ml = dq_maxlen(vm, d);
    if (ml >= 0 && k > ml / n + 2) k = ml / n + 2;
    if (n > (INT64_C(1) << 40) / k) {
        vm_raise_nomem(vm);
        return false;
    }
    Value items = dq_snapshot(vm, d);
    if (!items) return false;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, items);
    int64_t total = n * k;
    for (int64_t i = n; i < total; i++) {
        if (!dq_push_right(vm, d, tuple_items(items)[i % n])) { ROOTS_RESET(vm); return false; }
    }
    ROOTS_RESET(vm);
    return true;
}

static bool is_count_arg(Value v) { return v_is_intlike(v) || v_type(v)->nb_index; }

static Value deque_mul(VM *vm, Value a, Value b) {
    Value dq = a, n = b;
    if (!IS_DEQUE(a)) { dq = b; n = a; }
    if (!IS_DEQUE(dq)) return V_NOTIMPL;
    if (!is_count_arg(n))
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(n)->name);
    Value r = dq_copy(vm, dq);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    bool ok = dq_repeat_inplace(vm, r, n);
    ROOTS_RESET(vm);
    return ok ? r : VNULL;
}

static Value deque_iadd(VM *vm, Value a, Value b) {
    if (!IS_DEQUE(a)) return V_NOTIMPL;
    return dq_extend(vm, a, b, false) ? a : VNULL;
}

static Value deque_imul(VM *vm, Value a, Value b) {
    if (!IS_DEQUE(a)) return V_NOTIMPL;
    if (!is_count_arg(b))
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(b)->name);
    return dq_repeat_inplace(vm, a, b) ? a : VNULL;
}

/* ---- iterators ---- */
static Value dequeiter_next(VM *vm, Value self) {
    DequeIter *it = AS(DequeIter, self);
    Deque *d = AS(Deque, it->deque);
    if ((uint64_t)RDW(vm, d, d->state) != it->state) {
        WRW(vm, it, it->left, 0);
        return vm_raise(vm, &exc_RuntimeError, "deque mutated during iteration");
    }
    int64_t left = RDW(vm, it, it->left);
    if (left <= 0) return VNULL;
    int64_t i = RDW(vm, it, it->index);
    bool rev = OBJ(self)->type == &type_deque_reviter;
    WRW(vm, it, it->index, rev ? i - 1 : i + 1);
    WRW(vm, it, it->left, left - 1);
    return dq_get(vm, d, i);
}

static Value dequeiter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    UNUSED;
    DequeIter *it = AS(DequeIter, args[0]);
    return int_from_i64(vm, RDW(vm, it, it->left));
}

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

/* ---- _count_elements(mapping, iterable): Counter's update loop ---- */
static Value f_count_elements(VM *vm, Value *args, int nargs, Value kw) {
    UNUSED;
    Value map = args[0];
    ROOTS_MARK(vm);
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    ROOT_PUSH(vm, it);
    /* a dict whose get/__setitem__ are dict's own can be updated directly */
    bool fast = false;
    if (IS_DICT(map)) {
        Type *t = v_type(map);
        Value gn = str_intern_cstr(vm, "get");
        Value g = gn ? type_lookup(vm, t, gn) : VNULL, s = type_lookup(vm, t, NM(__setitem__));
        fast = g && g == type_lookup(vm, &type_dict, gn) && s && s == type_lookup(vm, &type_dict, NM(__setitem__));
    }
    Value getm = VNULL;
    if (!fast) {
        getm = vm_getattr_cstr(vm, map, "get");
        if (!getm) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, getm);
    }
    Value x;
    while ((x = vm_next(vm, it))) {
        ROOT_PUSH(vm, x);
        Value cur;
        if (fast) {
            bool err = false;
            cur = dict_get(vm, map, x, &err);
            if (err) { ROOTS_RESET(vm); return VNULL; }
            if (!cur) cur = v_from_small(0);
        } else {
            cur = vm_call2(vm, getm, x, v_from_small(0));
            if (!cur) { ROOTS_RESET(vm); return VNULL; }
        }
        Value nv = v_is_int(cur) && v_int(cur) < SMALL_INT_MAX ? v_from_small(v_int(cur) + 1)
                                                               : vm_binop(vm, NB_ADD, cur, v_from_small(1));
        if (!nv) { ROOTS_RESET(vm); return VNULL; }
        int r = fast ? dict_set(vm, map, x, nv) : vm_setitem(vm, map, x, nv);
        if (r < 0) { ROOTS_RESET(vm); return VNULL; }
        vm->nroots--;
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : V_NONE;
}


/* ---- _tuplegetter(index, doc): a read-only descriptor for tuple item index ---- */
typedef struct TupleGetter {
    Obj hdr;
    int64_t index;
    Value doc;                  /* STM word */
} TupleGetter;

static void tuplegetter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((TupleGetter *)o)->doc); }

static Value tuplegetter_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!vm_no_kwargs(vm, "_tuplegetter", kwnames) || !vm_check_nargs(vm, "_tuplegetter", nargs, 2, 2)) return VNULL;
    int64_t index;
    if (!vm_index_i64(vm, args[0], &index, &exc_IndexError)) return VNULL;
    TupleGetter *g = gc_alloc(vm, t, sizeof(TupleGetter));
    if (!g) return VNULL;
    g->index = index;
    g->doc = args[1];
    return v_from_ptr(g);
}

static Value tuplegetter_get(VM *vm, Value self, Value obj, Value type) {
    (void)type;
    TupleGetter *g = AS(TupleGetter, self);
    if (!obj || obj == V_NONE) return self;
    if (!IS_TUPLE(obj))
        return vm_raise(vm, &exc_TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                        (long long)g->index, v_type(obj)->name);
    if (g->index < 0 || g->index >= tuple_len(obj)) return vm_raise(vm, &exc_IndexError, "tuple index out of range");
    return tuple_items(obj)[g->index];
}

static int tuplegetter_set(VM *vm, Value self, Value obj, Value v) {
    (void)self; (void)obj;
    vm_raise(vm, &exc_AttributeError, v ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static Value tuplegetter_repr(VM *vm, Value self) {
    TupleGetter *g = AS(TupleGetter, self);
    return vm_format(vm, "%s(%lld, %R)", str_cstr(v_type(self)->v_name), (long long)g->index, RD(vm, g, g->doc));
}

static Value tg_doc(VM *vm, Value o) { TupleGetter *g = AS(TupleGetter, o); return RD(vm, g, g->doc); }
static int tg_set_doc(VM *vm, Value o, Value v) {
    TupleGetter *g = AS(TupleGetter, o);
    WR(vm, g, g->doc, v ? v : V_NONE);
    return 0;
}

static Value m_tuplegetter_reduce(VM *vm, Value *args, int nargs, Value kw) {
    UNUSED;
    TupleGetter *g = AS(TupleGetter, args[0]);
    ROOTS_MARK(vm);
    Value a = tuple_pack(vm, 2, int_from_i64(vm, g->index), RD(vm, g, g->doc));
    if (!a) return VNULL;
    ROOT_PUSH(vm, a);
    Value r = tuple_pack(vm, 2, v_from_ptr(v_type(args[0])), a);
    ROOTS_RESET(vm);
    return r;
}

static const GetSetDef tuplegetter_getsets[] = {
    {"__doc__", tg_doc, tg_set_doc, NULL},
    {NULL, NULL, NULL, NULL}
};
static const MethodDef tuplegetter_methods[] = {
    {"__reduce__", m_tuplegetter_reduce, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef deque_methods[] = {
    {"append", m_append, 2, 2, 0, NULL},
    {"appendleft", m_appendleft, 2, 2, 0, NULL},
    {"pop", m_pop, 1, 1, 0, NULL},
    {"popleft", m_popleft, 1, 1, 0, NULL},
    {"extend", m_extend, 2, 2, 0, NULL},
    {"extendleft", m_extendleft, 2, 2, 0, NULL},
    {"clear", m_clear, 1, 1, 0, NULL},
    {"copy", m_copy, 1, 1, 0, NULL},
    {"count", m_count, 2, 2, 0, NULL},
    {"index", m_index, 2, 4, 0, NULL},
    {"insert", m_insert, 3, 3, 0, NULL},
    {"remove", m_remove, 2, 2, 0, NULL},
    {"reverse", m_reverse, 1, 1, 0, NULL},
    {"rotate", m_rotate, 1, 2, 0, NULL},
    {"__reversed__", m_reversed, 1, 1, 0, NULL},
    {"__copy__", m_copy_dunder, 1, 1, 0, NULL},
    {"__reduce__", m_reduce, 1, 1, 0, NULL},
    {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {"__class_getitem__", m_class_getitem, 2, 2, MF_CLASS, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const GetSetDef deque_getsets[] = {
    {"maxlen", g_maxlen, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static const MethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef collections_defs[] = {
    {"_count_elements", f_count_elements, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
static Type type_deque = {
    .base = STATIC_HDR, .name = "collections.deque", .basicsize = sizeof(Deque), .flags = TF_BASETYPE,
    .trace = deque_trace, .tp_new = deque_new_fn, .tp_init = deque_init_fn, .tp_repr = deque_repr,
    .tp_richcompare = deque_richcompare, .tp_iter = deque_iter, .tp_len = deque_len,
    .tp_getitem = deque_getitem, .tp_setitem = deque_setitem, .tp_contains = deque_contains,
    .tp_bool = deque_bool,
    .nb = {[NB_ADD] = deque_concat, [NB_MUL] = deque_mul},
    .nb_inplace = {[NB_ADD] = deque_iadd, [NB_MUL] = deque_imul},
};
static Type type_tuplegetter = { .base = STATIC_HDR, .name = "_collections._tuplegetter", .basicsize = sizeof(TupleGetter),
                          .trace = tuplegetter_trace, .tp_new = tuplegetter_new, .tp_descr_get = tuplegetter_get,
                          .tp_descr_set = tuplegetter_set, .tp_repr = tuplegetter_repr };
static Type type_deque_iter = { .base = STATIC_HDR, .name = "_collections._deque_iterator", .basicsize = sizeof(DequeIter),
                         .trace = dequeiter_trace, .tp_iter = self_iter, .tp_iternext = dequeiter_next };
static Type type_deque_reviter = { .base = STATIC_HDR, .name = "_collections._deque_reverse_iterator",
                            .basicsize = sizeof(DequeIter), .trace = dequeiter_trace, .tp_iter = self_iter,
                            .tp_iternext = dequeiter_next };

/* Static types named "module.name": __name__ is the last part, the module the rest. */
static void ready_named(VM *vm, Type *t, const MethodDef *methods, const GetSetDef *getsets) {
    if (t->dict) return;
    type_ready(t);
    if (methods) type_add_methods(t, methods);
    if (getsets) type_add_getsets(t, getsets);
    const char *dot = strrchr(t->name, '.');
    t->v_name = str_intern_cstr(vm, dot + 1);
    t->v_qualname = t->v_name;
    t->v_module = str_intern(vm, str_new(vm, t->name, (size_t)(dot - t->name)));
}

Value mod_collections_init(VM *vm) {
    if (!type_deque.dict) {
        ready_named(vm, &type_deque, deque_methods, deque_getsets);
        type_set_attr_static(&type_deque, "__hash__", V_NONE);
        ready_named(vm, &type_deque_iter, dequeiter_methods, NULL);
        ready_named(vm, &type_deque_reviter, dequeiter_methods, NULL);
        ready_named(vm, &type_tuplegetter, tuplegetter_methods, tuplegetter_getsets);
    }
    Value m = vm_new_module(vm, "_collections");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = collections_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "deque", v_from_ptr(&type_deque));
    dict_set_cstr(vm, d, "_deque_iterator", v_from_ptr(&type_deque_iter));
    dict_set_cstr(vm, d, "_deque_reverse_iterator", v_from_ptr(&type_deque_reviter));
    dict_set_cstr(vm, d, "_tuplegetter", v_from_ptr(&type_tuplegetter));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
