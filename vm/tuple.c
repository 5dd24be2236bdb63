/* tuple.c - tuple: an immutable array of Values.
 *
 * Tuples are never written after they are published, so their items are
 * read without barriers.  tuple_new returns zeroed slots that the creator
 * fills before the tuple escapes.  The hash is CPython's (xxHash-based), so
 * that set and dict orders involving tuples match CPython.
 */
#include "vm.h"
#include <string.h>

Value empty_tuple;

static void tuple_trace(GcTracer *g, Obj *o) {
    Tuple *t = (Tuple *)o;
    gc_mark_range(g, t->items, (size_t)t->size);
}

Value tuple_new(VM *vm, int64_t n) {
    if (n == 0 && empty_tuple) return empty_tuple;
    if (n < 0 || (uint64_t)n > (SIZE_MAX / 2) / sizeof(Value)) return vm_raise_nomem(vm);
    Tuple *t = gc_alloc(vm, &type_tuple, sizeof(Tuple) + (size_t)n * sizeof(Value));
    if (!t) return VNULL;
    t->size = n;
    return v_from_ptr(t);
}

Value tuple_from_array(VM *vm, const Value *items, int64_t n) {
    Value t = tuple_new(vm, n);
    if (!t) return VNULL;
    if (n) memcpy(tuple_items(t), items, (size_t)n * sizeof(Value));
    return t;
}

Value tuple_pack(VM *vm, int n, ...) {
    Value items[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n && i < 16; i++) items[i] = va_arg(ap, Value);
    va_end(ap);
    /* the items are rooted by the caller's frame/stack in every use */
    ROOTS_MARK(vm);
    for (int i = 0; i < n; i++) ROOT_PUSH(vm, items[i]);
    Value t = tuple_from_array(vm, items, n);
    ROOTS_RESET(vm);
    return t;
}

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int64_t tuple_hash(VM *vm, Value self) {
    int64_t n = tuple_len(self);
    Value *it = tuple_items(self);
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < n; i++) {
        int64_t h = vm_hash(vm, it[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

Value tuple_repr_impl(VM *vm, Value self);
Value seq_richcompare(VM *vm, const Value *a, int64_t na, const Value *b, int64_t nb, int op);

static Value tuple_richcompare(VM *vm, Value a, Value b, int op) {
    if (!IS_TUPLE(a) || !IS_TUPLE(b)) return V_NOTIMPL;
    return seq_richcompare(vm, tuple_items(a), tuple_len(a), tuple_items(b), tuple_len(b), op);
}

static int64_t tuple_len_slot(VM *vm, Value self) { (void)vm; return tuple_len(self); }

static Value tuple_getitem(VM *vm, Value self, Value key) {
    int64_t n = tuple_len(self);
    if (LIKELY(v_is_int(key))) {
        int64_t i = v_int(key);
        if (i < 0) i += n;
        if ((uint64_t)i >= (uint64_t)n) return vm_raise(vm, &exc_IndexError, "tuple index out of range");
        return tuple_items(self)[i];
    }
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return VNULL;
        if (step == 1 && len == n && v_type(self) == &type_tuple) return self;
        Value r = tuple_new(vm, len);
        if (!r) return VNULL;
        for (int64_t i = 0, j = start; i < len; i++, j += step) tuple_items(r)[i] = tuple_items(self)[j];
        return r;
    }
    int64_t i;
    if (!vm_index_i64(vm, key, &i, &exc_IndexError)) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "tuple indices must be integers or slices, not %T", key);
        }
        return VNULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm_raise(vm, &exc_IndexError, "tuple index out of range");
    return tuple_items(self)[i];
}

static int tuple_contains(VM *vm, Value self, Value x) {
    for (int64_t i = 0; i < tuple_len(self); i++) {
        int r = vm_eq(vm, tuple_items(self)[i], x);
        if (r) return r;
    }
    return 0;
}

static Value tuple_concat(VM *vm, Value a, Value b) {
    if (!IS_TUPLE(a) || !IS_TUPLE(b)) {
        if (IS_TUPLE(a))
            return vm_raise(vm, &exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple", v_type(b)->name);
        return V_NOTIMPL;
    }
    int64_t na = tuple_len(a), nb = tuple_len(b);
    if (nb == 0 && v_type(a) == &type_tuple) return a;
    if (na == 0 && v_type(b) == &type_tuple) return b;
    Value r = tuple_new(vm, na + nb);
    if (!r) return VNULL;
    memcpy(tuple_items(r), tuple_items(a), (size_t)na * sizeof(Value));
    memcpy(tuple_items(r) + na, tuple_items(b), (size_t)nb * sizeof(Value));
    return r;
}

static Value tuple_repeat(VM *vm, Value t, Value count) {
    int64_t k;
    if (!vm_index_i64(vm, count, &k, &exc_OverflowError)) return VNULL;   /* beyond ssize_t */
    int64_t n = tuple_len(t);
    if (k <= 0 || n == 0) return tuple_new(vm, 0);
    if (k == 1 && v_type(t) == &type_tuple) return t;
    if (n > INT64_MAX / k || n * k > (INT64_C(1) << 40)) return vm_raise_nomem(vm);
    Value r = tuple_new(vm, n * k);
    if (!r) return VNULL;
    for (int64_t j = 0; j < k; j++) memcpy(tuple_items(r) + j * n, tuple_items(t), (size_t)n * sizeof(Value));
    return r;
}

static Value tuple_mul(VM *vm, Value a, Value b) {
    if (IS_TUPLE(a) && (v_is_intlike(b) || v_type(b)->nb_index)) return tuple_repeat(vm, a, b);
    if (IS_TUPLE(b) && (v_is_intlike(a) || v_type(a)->nb_index)) return tuple_repeat(vm, b, a);
    if (IS_TUPLE(a) && !v_type(b)->nb[NB_MUL])
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(b)->name);
    return V_NOTIMPL;
}

/* ---- iterator ---- */
typedef struct TupleIter {
    Obj hdr;
    Value tuple;
    int64_t index;
} TupleIter;

static void tupleiter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((TupleIter *)o)->tuple); }

static Value tuple_iter(VM *vm, Value self) {
    TupleIter *it = gc_alloc(vm, &type_tuple_iter, sizeof(TupleIter));
    if (!it) return VNULL;
    it->tuple = self;
    return v_from_ptr(it);
}

/* Iterator state goes through the barriers (see list.c). */
static Value tupleiter_next(VM *vm, Value self) {
    TupleIter *it = AS(TupleIter, self);
    Value t = RD(vm, it, it->tuple);
    if (!t) return VNULL;
    int64_t i = RDW(vm, it, it->index);
    if (i < tuple_len(t)) {
        WRW(vm, it, it->index, i + 1);
        return tuple_items(t)[i];
    }
    WR(vm, it, it->tuple, VNULL);
    return VNULL;
}

static Value tupleiter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    TupleIter *it = AS(TupleIter, args[0]);
    Value t = RD(vm, it, it->tuple);
    return v_from_small(t ? tuple_len(t) - RDW(vm, it, it->index) : 0);
}

/* ---- methods ---- */
static Value m_count(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    int64_t c = 0;
    for (int64_t i = 0; i < tuple_len(args[0]); i++) {
        int r = vm_eq(vm, tuple_items(args[0])[i], args[1]);
        if (r < 0) return VNULL;
        c += r;
    }
    return v_from_small(c);
}

static Value m_index(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    int64_t n = tuple_len(args[0]), lo = 0, hi = n;
    if (nargs > 2 && !vm_index_i64(vm, args[2], &lo, NULL)) return VNULL;
    if (nargs > 3 && !vm_index_i64(vm, args[3], &hi, NULL)) return VNULL;
    if (lo < 0) { lo += n; if (lo < 0) lo = 0; }
    if (hi < 0) { hi += n; if (hi < 0) hi = 0; }
    if (hi > n) hi = n;
    for (int64_t i = lo; i < hi; i++) {
        int r = vm_eq(vm, tuple_items(args[0])[i], args[1]);
        if (r < 0) return VNULL;
        if (r) return v_from_small(i);
    }
    return vm_raise(vm, &exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value m_getitem(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return tuple_getitem(vm, args[0], args[1]);
}

static Value m_getnewargs(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Value t = tuple_from_array(vm, tuple_items(args[0]), tuple_len(args[0]));
    if (!t) return VNULL;
    return tuple_pack(vm, 1, t);
}

static Value tuple_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1) return vm_raise(vm, &exc_TypeError, "tuple expected at most 1 argument, got %d", nargs);
    Value items = nargs ? vm_sequence_to_tuple(vm, args[0]) : tuple_new(vm, 0);
    if (!items || t == &type_tuple) return items;
    /* subclass: same layout plus an attribute area */
    int64_t n = tuple_len(items);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, items);
    size_t base = sizeof(Tuple) + (size_t)n * sizeof(Value);
    /* subclasses of tuple keep their AttrArea after the items: the layout's
     * attr_offset is computed per object (see obj_attrs) */
    Obj *o = gc_alloc(vm, t, base + sizeof(AttrArea) + t->inline_slots * sizeof(Value));
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    Tuple *tt = (Tuple *)o;
    tt->size = n;
    memcpy(tt->items, tuple_items(items), (size_t)n * sizeof(Value));
    AttrArea *a = obj_attrs(v_from_ptr(o));
    a->shape = t->root_shape;
    return v_from_ptr(o);
}

static const MethodDef tuple_methods[] = {
    {"count", m_count, 2, 2, 0, NULL},
    {"index", m_index, 2, 4, 0, NULL},
    {"__getitem__", m_getitem, 2, 2, 0, NULL},
    {"__getnewargs__", m_getnewargs, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_tuple = {
    .base = STATIC_HDR, .name = "tuple", .basicsize = sizeof(Tuple), .flags = TF_BASETYPE | TF_TUPLE_SUBCLASS | TF_VAR_LAYOUT,
    .trace = tuple_trace, .tp_new = tuple_new_fn, .tp_repr = tuple_repr_impl, .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare, .tp_iter = tuple_iter, .tp_len = tuple_len_slot,
    .tp_getitem = tuple_getitem, .tp_contains = tuple_contains,
    .nb = {[NB_ADD] = tuple_concat, [NB_MUL] = tuple_mul},
};
Type type_tuple_iter = { .base = STATIC_HDR, .name = "tuple_iterator", .basicsize = sizeof(TupleIter),
                         .trace = tupleiter_trace, .tp_iter = self_iter, .tp_iternext = tupleiter_next };

void tuple_init_types(void) {
    type_ready(&type_tuple);
    type_add_methods(&type_tuple, tuple_methods);
    type_ready(&type_tuple_iter);
    type_add_methods(&type_tuple_iter, tupleiter_methods);
    Tuple *t = calloc(1, sizeof(Tuple));
    t->hdr.flags = OBJ_STATIC;
    t->hdr.type = &type_tuple;
    empty_tuple = v_from_ptr(t);
}
