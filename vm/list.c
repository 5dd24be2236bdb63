/* list.c - list: a growable array of Values.
 *
 * A List holds its length and a pointer to a ValArray with the items; both
 * are STM words, and so is every item slot.  Transactions that write
 * different slots of one shared list do not conflict; an append or any
 * resize writes the length (and maybe the array pointer), so appends to one
 * list do conflict.  Growth allocates a new array, private to the growing
 * transaction, and copies.
 *
 * Invariants: 0 <= size <= items->cap; slots [0, size) hold Values;
 * slots beyond size are VNULL after any shrink (so the GC never keeps dead
 * objects alive through them).
 */
#include "vm.h"
#include <string.h>

static void list_trace(GcTracer *g, Obj *o) {
    List *l = (List *)o;
    gc_mark_value(g, (Value)l->items);
}

static void valarray_trace(GcTracer *g, Obj *o) {
    ValArray *a = (ValArray *)o;
    gc_mark_range(g, a->items, (size_t)a->cap);
}

Value valarray_new(VM *vm, int64_t cap) {
    if (cap < 0 || (uint64_t)cap > (SIZE_MAX - sizeof(ValArray)) / sizeof(Value) / 2) return vm_raise_nomem(vm);
    ValArray *a = gc_alloc(vm, &type_valarray, sizeof(ValArray) + (size_t)cap * sizeof(Value));
    if (!a) return VNULL;
    a->cap = cap;
    return v_from_ptr(a);
}

static inline ValArray *litems(VM *vm, List *l) { return (ValArray *)v_ptr(RD(vm, l, l->items)); }
static inline int64_t lsize(VM *vm, List *l) { return RDW(vm, l, l->size); }

Value list_new(VM *vm, int64_t n) {
    Value arr = valarray_new(vm, n < 4 ? 4 : n);
    if (!arr) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, arr);
    List *l = gc_alloc(vm, &type_list, sizeof(List));
    ROOTS_RESET(vm);
    if (!l) return VNULL;
    l->items = arr;
    l->size = (uint64_t)n;
    for (int64_t i = 0; i < n; i++) AS(ValArray, arr)->items[i] = V_NONE;
    return v_from_ptr(l);
}

Value list_from_array(VM *vm, const Value *items, int64_t n) {
    Value l = list_new(vm, n);
    if (!l) return VNULL;
    memcpy(AS(ValArray, AS(List, l)->items)->items, items, (size_t)n * sizeof(Value));
    return l;
}

int64_t list_len(VM *vm, Value l) { return lsize(vm, AS(List, l)); }

Value list_get(VM *vm, Value lv, int64_t i) {
    ValArray *a = litems(vm, AS(List, lv));
    return RD(vm, a, a->items[i]);
}

void list_set(VM *vm, Value lv, int64_t i, Value v) {
    ValArray *a = litems(vm, AS(List, lv));
    WR(vm, a, a->items[i], v);
}

/* Make room for `need` items (size unchanged).  CPython's growth pattern. */
static bool list_reserve(VM *vm, List *l, int64_t need) {
    ValArray *a = litems(vm, l);
    if (need <= a->cap) return true;
    int64_t ncap = need + (need >> 3) + (need < 9 ? 3 : 6);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(l));
    Value na = valarray_new(vm, ncap);
    ROOTS_RESET(vm);
    if (!na) return false;
    a = litems(vm, l);
    int64_t n = lsize(vm, l);
    ValArray *b = AS(ValArray, na);
    for (int64_t i = 0; i < n; i++) b->items[i] = RD(vm, a, a->items[i]);
    WR(vm, l, l->items, na);
    return true;
}

bool list_append(VM *vm, Value lv, Value v) {
    List *l = AS(List, lv);
    int64_t n = lsize(vm, l);
    ValArray *a = litems(vm, l);
    if (UNLIKELY(n >= a->cap)) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, v);
        bool ok = list_reserve(vm, l, n + 1);
        ROOTS_RESET(vm);
        if (!ok) return false;
        a = litems(vm, l);
    }
    WR(vm, a, a->items[n], v);
    WRW(vm, l, l->size, n + 1);
    return true;
}

Value list_items_snapshot(VM *vm, Value lv, int64_t *n) {
    List *l = AS(List, lv);
    *n = lsize(vm, l);
    return v_from_ptr(litems(vm, l));
}

static bool list_extend_iter(VM *vm, Value lv, Value iterable) {
    ROOTS_MARK(vm);
    if (IS_LIST(iterable) || IS_TUPLE(iterable)) {
        int64_t n;
        Value *src;
        Value keep = vm_unpack_iterable(vm, iterable, &n, &src);
        if (!keep) return false;
        ROOT_PUSH(vm, keep);
        List *l = AS(List, lv);
        int64_t m = lsize(vm, l);
        if (!list_reserve(vm, l, m + n)) { ROOTS_RESET(vm); return false; }
        ValArray *a = litems(vm, l);
        for (int64_t i = 0; i < n; i++) WR(vm, a, a->items[m + i], src[i]);
        WRW(vm, l, l->size, m + n);
        ROOTS_RESET(vm);
        return true;
    }
    Value it = vm_iter(vm, iterable);
    if (!it) return false;
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        if (!list_append(vm, lv, x)) { ROOTS_RESET(vm); return false; }
    }
    ROOTS_RESET(vm);
    return vm->exc == VNULL;
}

Value list_from_iter(VM *vm, Value iterable) {
    Value l = list_new(vm, 0);
    if (!l) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    bool ok = list_extend_iter(vm, l, iterable);
    ROOTS_RESET(vm);
    return ok ? l : VNULL;
}

Value list_as_tuple(VM *vm, Value lv) {
    List *l = AS(List, lv);
    int64_t n = lsize(vm, l);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, lv);
    Value t = tuple_new(vm, n);
    ROOTS_RESET(vm);
    if (!t) return VNULL;
    ValArray *a = litems(vm, l);
    n = n < lsize(vm, l) ? n : lsize(vm, l);
    for (int64_t i = 0; i < n; i++) tuple_items(t)[i] = RD(vm, a, a->items[i]);
    return t;
}

/* ---- index helpers ---- */
static bool norm_index(VM *vm, Value key, int64_t len, int64_t *out, const char *what) {
    int64_t i;
    if (v_is_int(key)) i = v_int(key);
    else if (!vm_index_i64(vm, key, &i, &exc_IndexError)) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "list indices must be integers or slices, not %T", key);
        }
        return false;
    }
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        vm_raise(vm, &exc_IndexError, "list %s out of range", what);
        return false;
    }
    *out = i;
    return true;
}

static Value list_getitem(VM *vm, Value self, Value key) {
    List *l = AS(List, self);
    int64_t n = lsize(vm, l);
    if (LIKELY(v_is_int(key))) {
        int64_t i = v_int(key);
        if (i < 0) i += n;
        if ((uint64_t)i >= (uint64_t)n) return vm_raise(vm, &exc_IndexError, "list index out of range");
        ValArray *a = litems(vm, l);
        return RD(vm, a, a->items[i]);
    }
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return VNULL;
        Value r = list_new(vm, len);
        if (!r) return VNULL;
        ValArray *a = litems(vm, l), *b = AS(ValArray, AS(List, r)->items);
        for (int64_t i = 0, j = start; i < len; i++, j += step) b->items[i] = RD(vm, a, a->items[j]);
        return r;
    }
    int64_t i;
    if (!norm_index(vm, key, n, &i, "index")) return VNULL;
    ValArray *a = litems(vm, l);
    return RD(vm, a, a->items[i]);
}

/* Replace items [lo, hi) by src[0..m). */
static bool list_replace_range(VM *vm, Value self, int64_t lo, int64_t hi, const Value *src, int64_t m) {
    List *l = AS(List, self);
    int64_t n = lsize(vm, l);
    int64_t d = m - (hi - lo);
    if (d > 0 && !list_reserve(vm, l, n + d)) return false;
    ValArray *a = litems(vm, l);
    if (d > 0) {
        for (int64_t i = n - 1; i >= hi; i--) WR(vm, a, a->items[i + d], RD(vm, a, a->items[i]));
    } else if (d < 0) {
        for (int64_t i = hi; i < n; i++) WR(vm, a, a->items[i + d], RD(vm, a, a->items[i]));
        for (int64_t i = n + d; i < n; i++) WR(vm, a, a->items[i], VNULL);
    }
    for (int64_t i = 0; i < m; i++) WR(vm, a, a->items[lo + i], src[i]);
    WRW(vm, l, l->size, n + d);
    return true;
}

static int list_setitem(VM *vm, Value self, Value key, Value v) {
    List *l = AS(List, self);
    int64_t n = lsize(vm, l);
    if (v_is_type(key, &type_slice)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, key, n, &start, &stop, &step, &len)) return -1;
        ROOTS_MARK(vm);
        if (!v) {
            /* delete slice */
            if (step == 1 || len == 0) {
                if (step != 1) return 0;
                bool ok = list_replace_range(vm, self, start, start + len, NULL, 0);
                return ok ? 0 : -1;
            }
            ValArray *a = litems(vm, l);
            int64_t w = 0;
            int64_t lo = step > 0 ? start : start + (len - 1) * step;
            int64_t st = step > 0 ? step : -step;
            int64_t hi = lo + (len - 1) * st;
            for (int64_t i = 0; i < n; i++) {
                if (i >= lo && i <= hi && (i - lo) % st == 0) continue;
                WR(vm, a, a->items[w++], RD(vm, a, a->items[i]));
            }
            for (int64_t i = w; i < n; i++) WR(vm, a, a->items[i], VNULL);
            WRW(vm, l, l->size, w);
            return 0;
        }
        int64_t m;
        Value *src;
        Value keep = vm_unpack_iterable(vm, v, &m, &src);
        if (!keep) {
            if (vm_exc_matches(vm, &exc_TypeError)) {
                vm_exc_clear(vm);
                vm_raise(vm, &exc_TypeError, "can only assign an iterable");
            }
            return -1;
        }
        ROOT_PUSH(vm, keep);
        /* a[:] = a: take a copy first */
        Value copy = tuple_from_array(vm, src, m);
        if (!copy) { ROOTS_RESET(vm); return -1; }
        ROOT_PUSH(vm, copy);
        src = tuple_items(copy);
        if (step == 1) {
            if (stop < start) stop = start;
            bool ok = list_replace_range(vm, self, start, stop, src, m);
            ROOTS_RESET(vm);
            return ok ? 0 : -1;
        }
        if (m != len) {
            vm_raise(vm, &exc_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)m, (long long)len);
            ROOTS_RESET(vm);
            return -1;
        }
        ValArray *a = litems(vm, l);
        for (int64_t i = 0, j = start; i < len; i++, j += step) WR(vm, a, a->items[j], src[i]);
        ROOTS_RESET(vm);
        return 0;
    }
    int64_t i;
    if (LIKELY(v_is_int(key))) {
        i = v_int(key);
        if (i < 0) i += n;
        if ((uint64_t)i >= (uint64_t)n) {
            vm_raise(vm, &exc_IndexError, v ? "list assignment index out of range" : "list assignment index out of range");
            return -1;
        }
    } else if (!norm_index(vm, key, n, &i, "assignment index")) {
        return -1;
    }
    if (v) {
        ValArray *a = litems(vm, l);
        WR(vm, a, a->items[i], v);
        return 0;
    }
    return list_replace_range(vm, self, i, i + 1, NULL, 0) ? 0 : -1;
}

static int64_t list_len_slot(VM *vm, Value self) { return lsize(vm, AS(List, self)); }

static int list_contains(VM *vm, Value self, Value x) {
    List *l = AS(List, self);
    for (int64_t i = 0; i < lsize(vm, l); i++) {
        ValArray *a = litems(vm, l);
        int r = vm_eq(vm, RD(vm, a, a->items[i]), x);
        if (r) return r;
    }
    return 0;
}

static Value seq_repr(VM *vm, Value self, const Value *items, int64_t n, const char *open, const char *close) {
    int r = vm_repr_enter(vm, self);
    if (r < 0) return VNULL;
    if (r > 0) return vm_format(vm, "%s...%s", open, close);
    StrBuf sb = STRBUF_INIT;
    sb_puts(&sb, open);
    for (int64_t i = 0; i < n; i++) {
        if (i) sb_puts(&sb, ", ");
        Value s = vm_repr(vm, items[i]);
        if (!s) {
            sb_free(&sb);
            vm_repr_leave(vm, self);
            return VNULL;
        }
        sb_append(&sb, str_cstr(s), (size_t)str_len(s));
    }
    if (n == 1 && open[0] == '(') sb_putc(&sb, ',');
    sb_puts(&sb, close);
    vm_repr_leave(vm, self);
    return str_from_sb(vm, &sb);
}

static Value list_repr(VM *vm, Value self) {
    /* repr of each item may run Python code that mutates the list: work on a
     * snapshot tuple (rooted). */
    Value t = list_as_tuple(vm, self);
    if (!t) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, t);
    Value r = seq_repr(vm, self, tuple_items(t), tuple_len(t), "[", "]");
    ROOTS_RESET(vm);
    return r;
}

Value tuple_repr_impl(VM *vm, Value self) {
    if (tuple_len(self) == 0) return str_from_cstr(vm, "()");
    return seq_repr(vm, self, tuple_items(self), tuple_len(self), "(", ")");
}

/* Lexicographic comparison shared by list and tuple. */
Value seq_richcompare(VM *vm, const Value *a, int64_t na, const Value *b, int64_t nb, int op) {
    if ((op == CMP_EQ_OP || op == CMP_NE_OP) && na != nb) return v_bool(op == CMP_NE_OP);
    int64_t i;
    for (i = 0; i < na && i < nb; i++) {
        if (a[i] == b[i]) continue;
        int r = vm_eq(vm, a[i], b[i]);
        if (r < 0) return VNULL;
        if (!r) break;
    }
    if (i >= na || i >= nb) {
        int64_t x = na, y = nb;
        bool res;
        switch (op) {
        case CMP_LT_OP: res = x < y; break;
        case CMP_LE_OP: res = x <= y; break;
        case CMP_EQ_OP: res = x == y; break;
        case CMP_NE_OP: res = x != y; break;
        case CMP_GT_OP: res = x > y; break;
        default: res = x >= y; break;
        }
        return v_bool(res);
    }
    if (op == CMP_EQ_OP) return V_FALSE;
    if (op == CMP_NE_OP) return V_TRUE;
    return vm_richcompare(vm, a[i], b[i], op);
}

static Value list_richcompare(VM *vm, Value a, Value b, int op) {
    if (!IS_LIST(b) || !IS_LIST(a)) return V_NOTIMPL;
    ROOTS_MARK(vm);
    Value ta = list_as_tuple(vm, a);
    if (!ta) return VNULL;
    ROOT_PUSH(vm, ta);
    Value tb = list_as_tuple(vm, b);
    if (!tb) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, tb);
    Value r = seq_richcompare(vm, tuple_items(ta), tuple_len(ta), tuple_items(tb), tuple_len(tb), op);
    ROOTS_RESET(vm);
    return r;
}

static Value list_concat(VM *vm, Value a, Value b) {
    if (!IS_LIST(a) || !IS_LIST(b)) {
        if (IS_LIST(a) && !IS_LIST(b))
            return vm_raise(vm, &exc_TypeError, "can only concatenate list (not \"%s\") to list", v_type(b)->name);
        return V_NOTIMPL;
    }
    int64_t na = list_len(vm, a), nb = list_len(vm, b);
    Value r = list_new(vm, na + nb);
    if (!r) return VNULL;
    ValArray *d = AS(ValArray, AS(List, r)->items);
    ValArray *x = litems(vm, AS(List, a)), *y = litems(vm, AS(List, b));
    for (int64_t i = 0; i < na; i++) d->items[i] = RD(vm, x, x->items[i]);
    for (int64_t i = 0; i < nb; i++) d->items[na + i] = RD(vm, y, y->items[i]);
    return r;
}

static Value list_repeat_impl(VM *vm, Value l, Value count) {
    int64_t k;
    if (!vm_index_i64(vm, count, &k, &exc_OverflowError)) return VNULL;   /* beyond ssize_t */
    int64_t n = list_len(vm, l);
    if (k <= 0 || n == 0) return list_new(vm, 0);
    if (n > INT64_MAX / k || n * k > (INT64_C(1) << 40)) return vm_raise_nomem(vm);
    Value r = list_new(vm, n * k);
    if (!r) return VNULL;
    ValArray *d = AS(ValArray, AS(List, r)->items), *s = litems(vm, AS(List, l));
    for (int64_t i = 0; i < n; i++) d->items[i] = RD(vm, s, s->items[i]);
    for (int64_t j = 1; j < k; j++) memcpy(d->items + j * n, d->items, (size_t)n * sizeof(Value));
    return r;
}

static Value list_mul(VM *vm, Value a, Value b) {
    if (IS_LIST(a) && v_is_intlike(b)) return list_repeat_impl(vm, a, b);
    if (IS_LIST(b) && v_is_intlike(a)) return list_repeat_impl(vm, b, a);
    if (IS_LIST(a) && (v_type(b)->nb_index)) return list_repeat_impl(vm, a, b);
    if (IS_LIST(a) && !IS_LIST(b) && !v_type(b)->nb[NB_MUL])
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(b)->name);
    return V_NOTIMPL;
}

static Value list_iadd(VM *vm, Value a, Value b) {
    if (!list_extend_iter(vm, a, b)) return VNULL;
    return a;
}

static Value list_imul(VM *vm, Value a, Value b) {
    if (!v_is_intlike(b) && !v_type(b)->nb_index) return V_NOTIMPL;
    Value r = list_repeat_impl(vm, a, b);
    if (!r) return VNULL;
    int64_t n = list_len(vm, a);
    if (!list_replace_range(vm, a, 0, n, AS(ValArray, AS(List, r)->items)->items, list_len(vm, r))) return VNULL;
    return a;
}

/* ---- iteration ---- */
typedef struct ListIter {
    Obj hdr;
    Value list;
    int64_t index;
    bool reversed;
} ListIter;

Type type_list_iter, type_list_reviter;

static void listiter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((ListIter *)o)->list); }

static Value list_iter(VM *vm, Value self) {
    ListIter *it = gc_alloc(vm, &type_list_iter, sizeof(ListIter));
    if (!it) return VNULL;
    it->list = self;
    return v_from_ptr(it);
}

/* Iterator state goes through the barriers: an iterator made by one
 * transaction may be advanced by later ones. */
static Value listiter_next(VM *vm, Value self) {
    ListIter *it = AS(ListIter, self);
    Value lv = RD(vm, it, it->list);
    if (!lv) return VNULL;
    List *l = AS(List, lv);
    int64_t i = RDW(vm, it, it->index);
    if (it->reversed) {
        if (i >= 0 && i < lsize(vm, l)) {
            WRW(vm, it, it->index, i - 1);
            ValArray *a = litems(vm, l);
            return RD(vm, a, a->items[i]);
        }
    } else if (i < lsize(vm, l)) {
        WRW(vm, it, it->index, i + 1);
        ValArray *a = litems(vm, l);
        return RD(vm, a, a->items[i]);
    }
    WR(vm, it, it->list, VNULL);
    return VNULL;
}

static Value listiter_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    ListIter *it = AS(ListIter, args[0]);
    Value lv = RD(vm, it, it->list);
    if (!lv) return v_from_small(0);
    int64_t i = RDW(vm, it, it->index);
    int64_t n = it->reversed ? i + 1 : lsize(vm, AS(List, lv)) - i;
    return v_from_small(n < 0 ? 0 : n);
}

/* ---- sorting: a stable merge sort (runs + binary insertion) ---- */
typedef struct SortCtx {
    VM *vm;
    bool err;
    bool fast_int;              /* all keys small ints */
    bool fast_float;            /* all keys floats */
    bool fast_str;
} SortCtx;

static int sort_lt(SortCtx *c, Value a, Value b) {
    if (c->fast_int) return v_int(a) < v_int(b);
    if (c->fast_float) return v_float(a) < v_float(b);
    if (c->fast_str) {
        int64_t la = str_len(a), lb = str_len(b);
        int r = memcmp(str_cstr(a), str_cstr(b), (size_t)(la < lb ? la : lb));
        return r < 0 || (r == 0 && la < lb);
    }
    int r = vm_compare_bool(c->vm, a, b, CMP_LT_OP);
    if (r < 0) c->err = true;
    return r > 0;
}

/* Sort keys[0..n) and carry vals along (vals may be NULL). tmp: scratch n. */
static void merge_sort(SortCtx *c, Value *keys, Value *vals, int64_t n, Value *tk, Value *tv) {
    if (n < 2 || c->err) return;
    if (n <= 16) {
        for (int64_t i = 1; i < n && !c->err; i++) {
            Value k = keys[i], v = vals ? vals[i] : 0;
            int64_t lo = 0, hi = i;
            while (lo < hi) {
                int64_t mid = (lo + hi) / 2;
                if (sort_lt(c, k, keys[mid])) hi = mid;
                else lo = mid + 1;
                if (c->err) return;
            }
            memmove(keys + lo + 1, keys + lo, (size_t)(i - lo) * sizeof(Value));
            keys[lo] = k;
            if (vals) {
                memmove(vals + lo + 1, vals + lo, (size_t)(i - lo) * sizeof(Value));
                vals[lo] = v;
            }
        }
        return;
    }
    int64_t mid = n / 2;
    merge_sort(c, keys, vals, mid, tk, tv);
    merge_sort(c, keys + mid, vals ? vals + mid : NULL, n - mid, tk, tv);
    if (c->err) return;
    /* already ordered? */
    if (!sort_lt(c, keys[mid], keys[mid - 1])) return;
    if (c->err) return;
    memcpy(tk, keys, (size_t)mid * sizeof(Value));
    if (vals) memcpy(tv, vals, (size_t)mid * sizeof(Value));
    int64_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
        if (sort_lt(c, keys[j], tk[i])) {
            if (vals) vals[k] = vals[j];
            keys[k++] = keys[j++];
        } else {
            if (vals) vals[k] = tv[i];
            keys[k++] = tk[i++];
        }
        if (c->err) {
            /* put the rest back so no item is lost */
            while (i < mid) { if (vals) vals[k] = tv[i]; keys[k++] = tk[i++]; }
            return;
        }
    }
    while (i < mid) {
        if (vals) vals[k] = tv[i];
        keys[k++] = tk[i++];
    }
}

static void reverse_arrays(Value *k, Value *v, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        Value t = k[i]; k[i] = k[j]; k[j] = t;
        if (v) { t = v[i]; v[i] = v[j]; v[j] = t; }
    }
}

/* The reverse= argument of sort/sorted: an int-like value, as CPython's
 * argument parser demands (-1 with an exception otherwise). */
int list_sort_reverse_arg(VM *vm, Value v) {
    if (!v) return 0;
    Value i = vm_index(vm, v);
    if (!i) return -1;
    return vm_truthy(vm, i);
}

bool list_sort(VM *vm, Value self, Value keyfunc, bool reverse) {
    List *l = AS(List, self);
    int64_t n = lsize(vm, l);
    ROOTS_MARK(vm);
    /* Sort private copies; the list appears empty while user code runs. */
    Value items = valarray_new(vm, n);
    if (!items) return false;
    ROOT_PUSH(vm, items);
    ValArray *a = litems(vm, l), *I = AS(ValArray, items);
    for (int64_t i = 0; i < n; i++) I->items[i] = RD(vm, a, a->items[i]);
    Value empty = valarray_new(vm, 4);
    if (!empty) { ROOTS_RESET(vm); return false; }
    WR(vm, l, l->items, empty);
    WRW(vm, l, l->size, 0);
    bool ok = false;
    ValArray *K = I, *V = NULL;
    if (keyfunc && keyfunc != V_NONE) {
        Value keys = valarray_new(vm, n);
        if (!keys) goto restore;
        ROOT_PUSH(vm, keys);
        K = AS(ValArray, keys);
        V = I;
        for (int64_t i = 0; i < n; i++) {
            Value k = vm_call1(vm, keyfunc, I->items[i]);
            if (!k) goto restore;
            K->items[i] = k;
        }
    }
    /* A stable descending sort: reverse, sort ascending, reverse back. */
    if (reverse) reverse_arrays(K->items, V ? V->items : NULL, n);
    SortCtx c = {vm, false, true, true, true};
    for (int64_t i = 0; i < n; i++) {
        Value k = K->items[i];
        if (!v_is_int(k)) c.fast_int = false;
        if (!v_is_float(k)) c.fast_float = false;
        if (!IS_EXACT_STR(k)) c.fast_str = false;   /* UTF-8 byte order == code point order */
    }
    Value tk = valarray_new(vm, n / 2 + 1);
    if (!tk) goto restore;
    ROOT_PUSH(vm, tk);
    Value tv = VNULL;
    if (V) {
        tv = valarray_new(vm, n / 2 + 1);
        if (!tv) goto restore;
        ROOT_PUSH(vm, tv);
    }
    merge_sort(&c, K->items, V ? V->items : NULL, n, AS(ValArray, tk)->items, V ? AS(ValArray, tv)->items : NULL);
    if (reverse && !c.err) reverse_arrays(K->items, V ? V->items : NULL, n);
    ok = !c.err;
restore:;
    bool modified = lsize(vm, l) != 0 || litems(vm, l) != AS(ValArray, empty);
    WR(vm, l, l->items, items);
    WRW(vm, l, l->size, n);
    ROOTS_RESET(vm);
    if (ok && modified) {
        vm_raise(vm, &exc_ValueError, "list modified during sort");
        return false;
    }
    return ok;
}

/* ---- methods ---- */
#define SELF (args[0])
static Value m_append(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return list_append(vm, SELF, args[1]) ? V_NONE : VNULL;
}

static Value m_extend(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return list_extend_iter(vm, SELF, args[1]) ? V_NONE : VNULL;
}

static Value m_insert(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    int64_t i;
    if (!vm_index_i64(vm, args[1], &i, NULL)) return VNULL;
    int64_t n = list_len(vm, SELF);
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    return list_replace_range(vm, SELF, i, i, &args[2], 1) ? V_NONE : VNULL;
}

static Value m_pop(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    List *l = AS(List, SELF);
    int64_t n = lsize(vm, l);
    if (n == 0) return vm_raise(vm, &exc_IndexError, "pop from empty list");
    int64_t i = n - 1;
    if (nargs > 1) {
        if (!vm_index_i64(vm, args[1], &i, &exc_IndexError)) return VNULL;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return vm_raise(vm, &exc_IndexError, "pop index out of range");
    }
    ValArray *a = litems(vm, l);
    Value v = RD(vm, a, a->items[i]);
    if (i == n - 1) {
        WR(vm, a, a->items[i], VNULL);
        WRW(vm, l, l->size, n - 1);
    } else if (!list_replace_range(vm, SELF, i, i + 1, NULL, 0)) {
        return VNULL;
    }
    return v;
}

static Value m_remove(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    List *l = AS(List, SELF);
    for (int64_t i = 0; i < lsize(vm, l); i++) {
        ValArray *a = litems(vm, l);
        int r = vm_eq(vm, RD(vm, a, a->items[i]), args[1]);
        if (r < 0) return VNULL;
        if (r) return list_replace_range(vm, SELF, i, i + 1, NULL, 0) ? V_NONE : VNULL;
    }
    return vm_raise(vm, &exc_ValueError, "list.remove(x): x not in list");
}

static bool clamp_range(VM *vm, Value *args, int nargs, int first, int64_t n, int64_t *lo, int64_t *hi) {
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

static Value m_index(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    List *l = AS(List, SELF);
    int64_t lo, hi;
    if (!clamp_range(vm, args, nargs, 2, lsize(vm, l), &lo, &hi)) return VNULL;
    for (int64_t i = lo; i < hi && i < lsize(vm, l); i++) {
        ValArray *a = litems(vm, l);
        int r = vm_eq(vm, RD(vm, a, a->items[i]), args[1]);
        if (r < 0) return VNULL;
        if (r) return v_from_small(i);
    }
    return vm_raise(vm, &exc_ValueError, "%R is not in list", args[1]);
}

static Value m_count(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    List *l = AS(List, SELF);
    int64_t c = 0;
    for (int64_t i = 0; i < lsize(vm, l); i++) {
        ValArray *a = litems(vm, l);
        int r = vm_eq(vm, RD(vm, a, a->items[i]), args[1]);
        if (r < 0) return VNULL;
        c += r;
    }
    return v_from_small(c);
}

static Value m_clear(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return list_replace_range(vm, SELF, 0, list_len(vm, SELF), NULL, 0) ? V_NONE : VNULL;
}

static Value m_copy(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    int64_t n;
    Value arr = list_items_snapshot(vm, SELF, &n);
    Value r = list_new(vm, n);
    if (!r) return VNULL;
    ValArray *s = AS(ValArray, arr), *d = AS(ValArray, AS(List, r)->items);
    for (int64_t i = 0; i < n; i++) d->items[i] = RD(vm, s, s->items[i]);
    return r;
}

static Value m_reverse(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    List *l = AS(List, SELF);
    ValArray *a = litems(vm, l);
    for (int64_t i = 0, j = lsize(vm, l) - 1; i < j; i++, j--) {
        Value t = RD(vm, a, a->items[i]);
        WR(vm, a, a->items[i], RD(vm, a, a->items[j]));
        WR(vm, a, a->items[j], t);
    }
    return V_NONE;
}

static Value m_sort(VM *vm, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"key", "reverse", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "sort", args + 1, nargs - 1, kwnames, names, 0, 0, out)) return VNULL;
    if (nargs > 1) return vm_raise(vm, &exc_TypeError, "sort() takes no positional arguments");
    int rev = list_sort_reverse_arg(vm, out[1]);
    if (rev < 0) return VNULL;
    return list_sort(vm, SELF, out[0], rev) ? V_NONE : VNULL;
}

static Value m_reversed(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    ListIter *it = gc_alloc(vm, &type_list_reviter, sizeof(ListIter));
    if (!it) return VNULL;
    it->list = SELF;
    it->reversed = true;
    it->index = list_len(vm, SELF) - 1;
    return v_from_ptr(it);
}

static Value m_getitem(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return list_getitem(vm, SELF, args[1]);
}

static Value m_sizeof(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return v_from_small((int64_t)(sizeof(List) + (size_t)litems(vm, AS(List, SELF))->cap * 8));
}

static Value list_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    if (t == &type_list) return list_new(vm, 0);
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    Value arr = valarray_new(vm, 4);
    ROOTS_RESET(vm);
    if (!arr) return VNULL;
    AS(List, o)->items = arr;
    return o;
}

static int list_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) {
        vm_raise(vm, &exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        vm_raise(vm, &exc_TypeError, "list expected at most 1 argument, got %d", nargs);
        return -1;
    }
    if (!list_replace_range(vm, self, 0, list_len(vm, self), NULL, 0)) return -1;
    if (nargs == 1 && !list_extend_iter(vm, self, args[0])) return -1;
    return 0;
}

static const MethodDef list_methods[] = {
    {"append", m_append, 2, 2, 0, NULL},
    {"extend", m_extend, 2, 2, 0, NULL},
    {"insert", m_insert, 3, 3, 0, NULL},
    {"pop", m_pop, 1, 2, 0, NULL},
    {"remove", m_remove, 2, 2, 0, NULL},
    {"index", m_index, 2, 4, 0, NULL},
    {"count", m_count, 2, 2, 0, NULL},
    {"clear", m_clear, 1, 1, 0, NULL},
    {"copy", m_copy, 1, 1, 0, NULL},
    {"reverse", m_reverse, 1, 1, 0, NULL},
    {"sort", m_sort, 1, -1, MF_KW, NULL},
    {"__reversed__", m_reversed, 1, 1, 0, NULL},
    {"__getitem__", m_getitem, 2, 2, 0, NULL},
    {"__sizeof__", m_sizeof, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_valarray = { .base = STATIC_HDR, .name = "valarray", .basicsize = sizeof(ValArray), .trace = valarray_trace };
Type type_list = {
    .base = STATIC_HDR, .name = "list", .basicsize = sizeof(List), .flags = TF_BASETYPE | TF_LIST_SUBCLASS,
    .trace = list_trace, .tp_new = list_new_fn, .tp_init = list_init_fn, .tp_repr = list_repr,
    .tp_richcompare = list_richcompare, .tp_iter = list_iter, .tp_len = list_len_slot,
    .tp_getitem = list_getitem, .tp_setitem = list_setitem, .tp_contains = list_contains,
    .nb = {[NB_ADD] = list_concat, [NB_MUL] = list_mul},
    .nb_inplace = {[NB_ADD] = list_iadd, [NB_MUL] = list_imul},
};
Type type_list_iter = { .base = STATIC_HDR, .name = "list_iterator", .basicsize = sizeof(ListIter),
                        .trace = listiter_trace, .tp_iter = self_iter, .tp_iternext = listiter_next };
Type type_list_reviter = { .base = STATIC_HDR, .name = "list_reverseiterator", .basicsize = sizeof(ListIter),
                           .trace = listiter_trace, .tp_iter = self_iter, .tp_iternext = listiter_next };

void list_init_types(void) {
    type_ready(&type_valarray);
    type_ready(&type_list);
    type_add_methods(&type_list, list_methods);
    type_set_attr_static(&type_list, "__hash__", V_NONE);
    type_ready(&type_list_iter);
    type_add_methods(&type_list_iter, listiter_methods);
    type_ready(&type_list_reviter);
    type_add_methods(&type_list_reviter, listiter_methods);
}
