/* range.c - range and slice objects (both immutable).
 *
 * A range keeps start/stop/step/length as ints (small or big).  Iteration
 * and indexing take a fast path when everything fits in int64.  slice_indices
 * is CPython's PySlice_Unpack + PySlice_AdjustIndices.
 */
#include "vm.h"

static void range_trace(GcTracer *g, Obj *o) {
    Range *r = (Range *)o;
    gc_mark_value(g, r->start);
    gc_mark_value(g, r->stop);
    gc_mark_value(g, r->step);
    gc_mark_value(g, r->length);
}

static void slice_trace(GcTracer *g, Obj *o) {
    Slice *s = (Slice *)o;
    gc_mark_value(g, s->start);
    gc_mark_value(g, s->stop);
    gc_mark_value(g, s->step);
}

/* length of range(lo, hi, step) as an int Value */
static Value range_length(VM *vm, Value lo, Value hi, Value step) {
    int64_t a, b, s;
    if (int_to_i64(lo, &a) && int_to_i64(hi, &b) && int_to_i64(step, &s) &&
        a > INT64_MIN / 4 && a < INT64_MAX / 4 && b > INT64_MIN / 4 && b < INT64_MAX / 4) {
        int64_t n;
        if (s > 0) n = a < b ? (b - a - 1) / s + 1 : 0;
        else n = a > b ? (a - b - 1) / (-s) + 1 : 0;
        return int_from_i64(vm, n);
    }
    /* general: (hi - lo - sign) // step + 1, clamped at 0 */
    int sg = int_sign(step);
    int c = int_compare(lo, hi);
    if ((sg > 0 && c >= 0) || (sg < 0 && c <= 0)) return v_from_small(0);
    ROOTS_MARK(vm);
    Value d = int_binop(vm, NB_SUB, hi, lo);
    if (!d) return VNULL;
    ROOT_PUSH(vm, d);
    d = int_binop(vm, NB_SUB, d, v_from_small(sg));
    if (!d) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, d);
    d = int_binop(vm, NB_FLOORDIV, d, step);
    if (!d) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, d);
    d = int_binop(vm, NB_ADD, d, v_from_small(1));
    ROOTS_RESET(vm);
    return d;
}

Value range_new(VM *vm, Value start, Value stop, Value step) {
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, start);
    ROOT_PUSH(vm, stop);
    ROOT_PUSH(vm, step);
    Value len = range_length(vm, start, stop, step);
    if (!len) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, len);
    Range *r = gc_alloc(vm, &type_range, sizeof(Range));
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return v_from_ptr(r);
}

static Value range_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "range() takes no keyword arguments");
    Value a[3];
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0) return vm_raise(vm, &exc_TypeError, "range expected at least 1 argument, got 0");
        return vm_raise(vm, &exc_TypeError, "range expected at most 3 arguments, got %d", nargs);
    }
    for (int i = 0; i < nargs; i++) {
        a[i] = vm_index(vm, args[i]);
        if (!a[i]) return VNULL;
    }
    Value start = v_from_small(0), stop, step = v_from_small(1);
    if (nargs == 1) stop = a[0];
    else {
        start = a[0];
        stop = a[1];
        if (nargs == 3) step = a[2];
    }
    if (int_sign(step) == 0) return vm_raise(vm, &exc_ValueError, "range() arg 3 must not be zero");
    return range_new(vm, start, stop, step);
}

/* item i (an int Value, 0 <= i < len) */
static Value range_item(VM *vm, Range *r, Value i) {
    int64_t a, s, k;
    if (int_to_i64(r->start, &a) && int_to_i64(r->step, &s) && int_to_i64(i, &k)) {
        int64_t p;
        if (!__builtin_mul_overflow(k, s, &p) && !__builtin_add_overflow(a, p, &p)) return int_from_i64(vm, p);
    }
    ROOTS_MARK(vm);
    Value p = int_binop(vm, NB_MUL, i, r->step);
    if (!p) return VNULL;
    ROOT_PUSH(vm, p);
    Value res = int_binop(vm, NB_ADD, r->start, p);
    ROOTS_RESET(vm);
    return res;
}

/* One bound of a slice of a sequence of `length` items (any int size), as
 * CPython's _PySlice_GetLongIndices: clamped to [lower, upper]. */
static Value slice_bound(VM *vm, Value v, Value dflt, Value length, Value lower, Value upper) {
    if (v == V_NONE) return dflt;
    Value i = vm_index(vm, v);
    if (!i) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        }
        return VNULL;
    }
    if (int_sign(i) < 0) {
        i = int_binop(vm, NB_ADD, i, length);
        if (!i) return VNULL;
        if (int_compare(i, lower) < 0) i = lower;
    } else if (int_compare(i, upper) > 0) {
        i = upper;
    }
    return i;
}

static Value range_slice(VM *vm, Range *r, Slice *sl) {
    Value step = v_from_small(1);
    if (sl->step != V_NONE) {
        step = vm_index(vm, sl->step);
        if (!step) {
            if (vm_exc_matches(vm, &exc_TypeError)) {
                vm_exc_clear(vm);
                vm_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
            }
            return VNULL;
        }
        if (int_sign(step) == 0) return vm_raise(vm, &exc_ValueError, "slice step cannot be zero");
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(r));
    ROOT_PUSH(vm, step);
    bool neg = int_sign(step) < 0;
    Value lower = neg ? v_from_small(-1) : v_from_small(0);
    Value upper = neg ? int_binop(vm, NB_SUB, r->length, v_from_small(1)) : r->length;
    if (!upper) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, upper);
    Value start = slice_bound(vm, sl->start, neg ? upper : lower, r->length, lower, upper);
    if (!start) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, start);
    Value stop = slice_bound(vm, sl->stop, neg ? lower : upper, r->length, lower, upper);
    if (!stop) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, stop);
    Value nstep = int_binop(vm, NB_MUL, r->step, step);
    if (!nstep) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, nstep);
    Value nstart = range_item(vm, r, start);
    if (!nstart) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, nstart);
    Value nstop = range_item(vm, r, stop);
    if (!nstop) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, nstop);
    Value res = range_new(vm, nstart, nstop, nstep);
    ROOTS_RESET(vm);
    return res;
}

static Value range_getitem(VM *vm, Value self, Value key) {
    Range *r = AS(Range, self);
    if (v_is_type(key, &type_slice)) return range_slice(vm, r, AS(Slice, key));
    Value i = vm_index(vm, key);
    if (!i) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "range indices must be integers or slices, not %T", key);
        }
        return VNULL;
    }
    if (int_sign(i) < 0) {
        i = int_binop(vm, NB_ADD, i, r->length);
        if (!i) return VNULL;
    }
    if (int_sign(i) < 0 || int_compare(i, r->length) >= 0)
        return vm_raise(vm, &exc_IndexError, "range object index out of range");
    return range_item(vm, r, i);
}

static int64_t range_len_slot(VM *vm, Value self) {
    int64_t n;
    if (!int_to_i64(AS(Range, self)->length, &n)) {
        vm_raise(vm, &exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return n;
}

static int range_contains_int(VM *vm, Range *r, Value x) {
    int sg = int_sign(r->step);
    int c1 = int_compare(x, r->start), c2 = int_compare(x, r->stop);
    if (sg > 0 ? (c1 < 0 || c2 >= 0) : (c1 > 0 || c2 <= 0)) return 0;
    Value d = int_binop(vm, NB_SUB, x, r->start);
    if (!d) return -1;
    Value m = int_binop(vm, NB_MOD, d, r->step);
    if (!m) return -1;
    return int_sign(m) == 0;
}

static int range_contains(VM *vm, Value self, Value x) {
    Range *r = AS(Range, self);
    if (v_is_int(x) || IS_BIGINT(x) || v_is_type(x, &type_bool)) return range_contains_int(vm, r, v_int_value(x));
    /* generic: compare with each item */
    Value it = vm_iter(vm, self);
    if (!it) return -1;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value y;
    while ((y = vm_next(vm, it))) {
        int e = vm_eq(vm, y, x);
        if (e) { ROOTS_RESET(vm); return e; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? -1 : 0;
}

static Value range_repr(VM *vm, Value self) {
    Range *r = AS(Range, self);
    if (r->step == v_from_small(1)) return vm_format(vm, "range(%R, %R)", r->start, r->stop);
    return vm_format(vm, "range(%R, %R, %R)", r->start, r->stop, r->step);
}

static Value range_richcompare(VM *vm, Value a, Value b, int op) {
    if (!v_is_type(a, &type_range) || !v_is_type(b, &type_range) || (op != CMP_EQ_OP && op != CMP_NE_OP))
        return V_NOTIMPL;
    Range *x = AS(Range, a), *y = AS(Range, b);
    bool eq;
    if (int_compare(x->length, y->length) != 0) eq = false;
    else if (int_sign(x->length) == 0) eq = true;
    else if (int_compare(x->start, y->start) != 0) eq = false;
    else if (int_compare(x->length, v_from_small(1)) == 0) eq = true;
    else eq = int_compare(x->step, y->step) == 0;
    return v_bool(op == CMP_EQ_OP ? eq : !eq);
}

static int64_t range_hash(VM *vm, Value self) {
    Range *r = AS(Range, self);
    Value t;
    if (int_sign(r->length) == 0) t = tuple_pack(vm, 3, r->length, V_NONE, V_NONE);
    else if (int_compare(r->length, v_from_small(1)) == 0) t = tuple_pack(vm, 3, r->length, r->start, V_NONE);
    else t = tuple_pack(vm, 3, r->length, r->start, r->step);
    if (!t) return -1;
    return vm_hash(vm, t);
}

static int range_bool(VM *vm, Value self) { (void)vm; return int_sign(AS(Range, self)->length) != 0; }

/* ---- iterator ---- */
/* The iteration position is the only mutable word (idx, or index for big
 * ranges); it goes through the barriers, since an iterator made by one
 * transaction may be advanced by later ones. */
typedef struct RangeIter {
    Obj hdr;
    int64_t start, step, n;     /* fast path: all small; n < 0 for big ranges */
    int64_t idx;                /* next position (fast path) */
    Value big;                  /* Range for big ranges, iterated by index */
    Value index;
} RangeIter;

static void rangeiter_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((RangeIter *)o)->big);
    gc_mark_value(g, ((RangeIter *)o)->index);
}

static Value range_iter(VM *vm, Value self) {
    Range *r = AS(Range, self);
    RangeIter *it = gc_alloc(vm, &type_range_iter, sizeof(RangeIter));
    if (!it) return VNULL;
    int64_t a, s, n, last;
    if (int_to_i64(r->start, &a) && int_to_i64(r->step, &s) && int_to_i64(r->length, &n) &&
        !__builtin_mul_overflow(n, s, &last) && !__builtin_add_overflow(a, last, &last) &&
        small_fits(a) && small_fits(last) && small_fits(a + (n ? (n - 1) * s : 0))) {
        it->start = a;
        it->step = s;
        it->n = n;
    } else {
        it->big = self;
        it->index = v_from_small(0);
        it->n = -1;
    }
    return v_from_ptr(it);
}

static Value rangeiter_next(VM *vm, Value self) {
    RangeIter *it = AS(RangeIter, self);
    if (LIKELY(it->n >= 0)) {
        int64_t i = RDW(vm, it, it->idx);
        if (i >= it->n) return VNULL;
        WRW(vm, it, it->idx, i + 1);
        return v_from_small(it->start + i * it->step);
    }
    Range *r = AS(Range, it->big);
    Value index = RD(vm, it, it->index);
    if (int_compare(index, r->length) >= 0) return VNULL;
    Value v = range_item(vm, r, index);
    if (!v) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v);
    Value ni = int_binop(vm, NB_ADD, index, v_from_small(1));
    ROOTS_RESET(vm);
    if (!ni) return VNULL;
    WR(vm, it, it->index, ni);
    return v;
}

static Value rangeiter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    RangeIter *it = AS(RangeIter, args[0]);
    if (it->n >= 0) return v_from_small(it->n - RDW(vm, it, it->idx));
    return int_binop(vm, NB_SUB, AS(Range, it->big)->length, RD(vm, it, it->index));
}

static Value range_reversed(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Range *r = AS(Range, args[0]);
    ROOTS_MARK(vm);
    Value n1 = int_binop(vm, NB_SUB, r->length, v_from_small(1));
    if (!n1) return VNULL;
    ROOT_PUSH(vm, n1);
    Value last = range_item(vm, r, n1);
    if (!last) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, last);
    Value nstep = vm_neg(vm, r->step);
    if (!nstep) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, nstep);
    Value stop = int_binop(vm, NB_SUB, r->start, r->step);
    if (!stop) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, stop);
    Value rr = int_sign(r->length) == 0 ? range_new(vm, v_from_small(0), v_from_small(0), v_from_small(1))
                                        : range_new(vm, last, stop, nstep);
    if (!rr) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, rr);
    Value it = range_iter(vm, rr);
    ROOTS_RESET(vm);
    return it;
}

static Value m_count(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    int r = range_contains(vm, args[0], args[1]);
    if (r < 0) return VNULL;
    return v_from_small(r);
}

static Value m_index(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Range *r = AS(Range, args[0]);
    Value x = args[1];
    if (v_is_intlike(x)) {
        int c = range_contains_int(vm, r, v_int_value(x));
        if (c < 0) return VNULL;
        if (c) {
            Value d = int_binop(vm, NB_SUB, v_int_value(x), r->start);
            if (!d) return VNULL;
            return int_binop(vm, NB_FLOORDIV, d, r->step);
        }
    }
    return vm_raise(vm, &exc_ValueError, "%R is not in range", x);
}

static Value g_start(VM *vm, Value o) { (void)vm; return AS(Range, o)->start; }
static Value g_stop(VM *vm, Value o) { (void)vm; return AS(Range, o)->stop; }
static Value g_step(VM *vm, Value o) { (void)vm; return AS(Range, o)->step; }

static const MethodDef range_methods[] = {
    {"count", m_count, 2, 2, 0, NULL},
    {"index", m_index, 2, 2, 0, NULL},
    {"__reversed__", range_reversed, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef range_getsets[] = {
    {"start", g_start, NULL, NULL}, {"stop", g_stop, NULL, NULL}, {"step", g_step, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};
static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

/* ================= slice ================= */
Value slice_new(VM *vm, Value start, Value stop, Value step) {
    Slice *s = gc_alloc(vm, &type_slice, sizeof(Slice));
    if (!s) return VNULL;
    s->start = start ? start : V_NONE;
    s->stop = stop ? stop : V_NONE;
    s->step = step ? step : V_NONE;
    return v_from_ptr(s);
}

static bool slice_int(VM *vm, Value v, int64_t *out) {
    /* clamp big values, as CPython's _PyEval_SliceIndex */
    Value i = vm_index(vm, v);
    if (!i) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        }
        return false;
    }
    if (!int_to_i64(i, out)) *out = int_sign(i) < 0 ? -(INT64_C(1) << 62) : (INT64_C(1) << 62);
    return true;
}

bool slice_indices(VM *vm, Value sv, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen) {
    Slice *s = AS(Slice, sv);
    int64_t st = 1;
    if (s->step != V_NONE) {
        if (!slice_int(vm, s->step, &st)) return false;
        if (st == 0) {
            vm_raise(vm, &exc_ValueError, "slice step cannot be zero");
            return false;
        }
    }
    int64_t a, b;
    if (s->start == V_NONE) a = st < 0 ? INT64_MAX / 2 : 0;
    else if (!slice_int(vm, s->start, &a)) return false;
    if (s->stop == V_NONE) b = st < 0 ? -INT64_MAX / 2 : INT64_MAX / 2;
    else if (!slice_int(vm, s->stop, &b)) return false;
    if (a < 0) {
        a += len;
        if (a < 0) a = st < 0 ? -1 : 0;
    } else if (a >= len) a = st < 0 ? len - 1 : len;
    if (b < 0) {
        b += len;
        if (b < 0) b = st < 0 ? -1 : 0;
    } else if (b >= len) b = st < 0 ? len - 1 : len;
    int64_t n;
    if (st < 0) n = b < a ? (a - b - 1) / (-st) + 1 : 0;
    else n = a < b ? (b - a - 1) / st + 1 : 0;
    *start = a;
    *stop = b;
    *step = st;
    *slicelen = n;
    return true;
}

static Value slice_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "slice() takes no keyword arguments");
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0) return vm_raise(vm, &exc_TypeError, "slice expected at least 1 argument, got 0");
        return vm_raise(vm, &exc_TypeError, "slice expected at most 3 arguments, got %d", nargs);
    }
    if (nargs == 1) return slice_new(vm, V_NONE, args[0], V_NONE);
    return slice_new(vm, args[0], args[1], nargs > 2 ? args[2] : V_NONE);
}

static Value slice_repr(VM *vm, Value self) {
    Slice *s = AS(Slice, self);
    return vm_format(vm, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Value slice_richcompare(VM *vm, Value a, Value b, int op) {
    if (!v_is_type(a, &type_slice) || !v_is_type(b, &type_slice)) return V_NOTIMPL;
    Slice *x = AS(Slice, a), *y = AS(Slice, b);
    Value ta = tuple_pack(vm, 3, x->start, x->stop, x->step);
    if (!ta) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, ta);
    Value tb = tuple_pack(vm, 3, y->start, y->stop, y->step);
    if (!tb) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, tb);
    Value r = vm_richcompare(vm, ta, tb, op);
    ROOTS_RESET(vm);
    return r;
}

static Value s_start(VM *vm, Value o) { (void)vm; return AS(Slice, o)->start; }
static Value s_stop(VM *vm, Value o) { (void)vm; return AS(Slice, o)->stop; }
static Value s_step(VM *vm, Value o) { (void)vm; return AS(Slice, o)->step; }

static Value m_slice_indices(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    int64_t len;
    if (!vm_index_i64(vm, args[1], &len, NULL)) return VNULL;
    if (len < 0) return vm_raise(vm, &exc_ValueError, "length should not be negative");
    int64_t a, b, c, n;
    if (!slice_indices(vm, args[0], len, &a, &b, &c, &n)) return VNULL;
    return tuple_pack(vm, 3, v_from_small(a), v_from_small(b), v_from_small(c));
}

static const GetSetDef slice_getsets[] = {
    {"start", s_start, NULL, NULL}, {"stop", s_stop, NULL, NULL}, {"step", s_step, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};
static const MethodDef slice_methods[] = {
    {"indices", m_slice_indices, 2, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_range = {
    .base = STATIC_HDR, .name = "range", .basicsize = sizeof(Range), .trace = range_trace,
    .tp_new = range_new_fn, .tp_repr = range_repr, .tp_hash = range_hash, .tp_richcompare = range_richcompare,
    .tp_iter = range_iter, .tp_len = range_len_slot, .tp_getitem = range_getitem,
    .tp_contains = range_contains, .tp_bool = range_bool,
};
Type type_range_iter = { .base = STATIC_HDR, .name = "range_iterator", .basicsize = sizeof(RangeIter),
                         .trace = rangeiter_trace, .tp_iter = self_iter, .tp_iternext = rangeiter_next };
Type type_slice = { .base = STATIC_HDR, .name = "slice", .basicsize = sizeof(Slice), .trace = slice_trace,
                    .tp_new = slice_new_fn, .tp_repr = slice_repr, .tp_richcompare = slice_richcompare };

void range_init_types(void) {
    type_ready(&type_range);
    type_add_methods(&type_range, range_methods);
    type_add_getsets(&type_range, range_getsets);
    type_ready(&type_range_iter);
    type_add_methods(&type_range_iter, rangeiter_methods);
    type_ready(&type_slice);
    type_add_methods(&type_slice, slice_methods);
    type_add_getsets(&type_slice, slice_getsets);
    type_set_attr_static(&type_slice, "__hash__", V_NONE);
}
