/* mod_itertools.c - the itertools module, in C: count, cycle, repeat,
 * accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby,
 * islice, pairwise, starmap, tee, zip_longest, product, permutations,
 * combinations and combinations_with_replacement, with CPython 3.11's
 * results and argument errors.
 *
 * Every iterator keeps its changing state in STM words (read with RD/RDW,
 * written with WR/WRW); fields set at creation and never changed (the
 * source iterator, the function, the pools) are read directly.  Index
 * arrays of the combinatoric iterators live in ValArrays whose slots are
 * STM words holding small ints.  Results are always fresh tuples (never
 * reused in place).  An exhausted iterator drops its source (the field
 * becomes VNULL) and stays exhausted.
 *
 * Anything that calls Python code (next() on the source, key functions,
 * comparisons) may trigger a collection, so new objects held in C locals
 * across such calls are pushed on the temp-root stack.
 */
#include "vm.h"
#include <string.h>

#define GETV(o, f) RD(vm, (o), (o)->f)
#define SETV(o, f, v) WR(vm, (o), (o)->f, (v))
#define GETI(o, f) RDW(vm, (o), (o)->f)
#define SETI(o, f, v) WRW(vm, (o), (o)->f, (v))

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

static bool no_kw(VM *vm, const char *name, Value kwnames) { return vm_no_kwargs(vm, name, kwnames); }

static bool nargs_exact(VM *vm, const char *name, int nargs, int n) {
    if (nargs == n) return true;
    vm_raise(vm, &exc_TypeError, "%s expected %d argument%s, got %d", name, n, n == 1 ? "" : "s", nargs);
    return false;
}

/* A small int stored in an STM slot of a ValArray. */
static inline int64_t ia_get(VM *vm, Value arr, int64_t i) {
    ValArray *a = AS(ValArray, arr);
    return v_int(RD(vm, a, a->items[i]));
}
static inline void ia_set(VM *vm, Value arr, int64_t i, int64_t v) {
    ValArray *a = AS(ValArray, arr);
    WR(vm, a, a->items[i], v_from_small(v));
}

/* ================= count ================= */
typedef struct Count {
    Obj hdr;
    Value cnt;                  /* STM word: next value */
    Value step;
} Count;
static Type type_count;

static void count_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Count *)o)->cnt);
    gc_mark_value(g, ((Count *)o)->step);
}

static bool is_number(Value v) {
    Type *t = v_type(v);
    return v_is_int(v) || v_is_float(v) || v_is_intlike(v) || v_is_floatlike(v) || t == &type_complex ||
           t->nb_index || t->nb_int || t->nb_float;
}

static Value count_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"start", "step", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "count", args, nargs, kwnames, names, 0, 0, out)) return VNULL;
    Value start = out[0] ? out[0] : v_from_small(0), step = out[1] ? out[1] : v_from_small(1);
    if (!is_number(start) || !is_number(step)) return vm_raise(vm, &exc_TypeError, "a number is required");
    Count *c = gc_alloc(vm, t, sizeof(Count));
    if (!c) return VNULL;
    c->cnt = start;
    c->step = step;
    return v_from_ptr(c);
}

static Value count_next(VM *vm, Value self) {
    Count *c = AS(Count, self);
    Value cur = GETV(c, cnt);
    Value nxt;
    if (v_both_int(cur, c->step)) {
        int64_t s = v_int(cur) + v_int(c->step);     /* both 48-bit: no overflow */
        nxt = small_fits(s) ? v_from_small(s) : int_from_i64(vm, s);
    } else {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, cur);
        nxt = vm_binop(vm, NB_ADD, cur, c->step);
        ROOTS_RESET(vm);
    }
    if (!nxt) return VNULL;
    SETV(c, cnt, nxt);
    return cur;
}

static Value count_repr(VM *vm, Value self) {
    Count *c = AS(Count, self);
    Value cur = GETV(c, cnt);
    if (c->step == v_from_small(1)) return vm_format(vm, "%s(%R)", str_cstr(v_type(self)->v_name), cur);
    return vm_format(vm, "%s(%R, %R)", str_cstr(v_type(self)->v_name), cur, c->step);
}

/* ================= cycle ================= */
typedef struct Cycle {
    Obj hdr;
    Value it;                   /* STM word: source, VNULL after the first pass */
    Value saved;                /* list of the items seen */
    uint64_t index;             /* STM word: next saved item (later passes) */
} Cycle;
static Type type_cycle;

static void cycle_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Cycle *)o)->it);
    gc_mark_value(g, ((Cycle *)o)->saved);
}

static Value cycle_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!no_kw(vm, "cycle", kwnames) || !nargs_exact(vm, "cycle", nargs, 1)) return VNULL;
    ROOTS_MARK(vm);
    Value it = vm_iter(vm, args[0]);
    if (!it) return VNULL;
    ROOT_PUSH(vm, it);
    Value saved = list_new(vm, 0);
    if (!saved) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, saved);
    Cycle *c = gc_alloc(vm, t, sizeof(Cycle));
    ROOTS_RESET(vm);
    if (!c) return VNULL;
    c->it = it;
    c->saved = saved;
    return v_from_ptr(c);
}

static Value cycle_next(VM *vm, Value self) {
    Cycle *c = AS(Cycle, self);
    Value it = GETV(c, it);
    if (it) {
        Value x = vm_next(vm, it);
        if (x) {
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, x);
            bool ok = list_append(vm, c->saved, x);
            ROOTS_RESET(vm);
            return ok ? x : VNULL;
        }
        if (vm->exc) return VNULL;
        SETV(c, it, VNULL);
    }
    int64_t n = list_len(vm, c->saved);
    if (n == 0) return VNULL;
    int64_t i = GETI(c, index);
    if (i >= n) i = 0;
    SETI(c, index, i + 1 >= n ? 0 : i + 1);
    return list_get(vm, c->saved, i);
}

/* ================= repeat ================= */
typedef struct Repeat {
    Obj hdr;
    Value obj;
    uint64_t left;              /* STM word: int64 remaining, -1 = forever */
} Repeat;
static Type type_repeat;

static void repeat_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((Repeat *)o)->obj); }

static Value repeat_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"object", "times", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "repeat", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    int64_t n = -1;
    if (out[1]) {
        if (!vm_index_i64(vm, out[1], &n, NULL)) return VNULL;
        if (n < 0) n = 0;
    }
    Repeat *r = gc_alloc(vm, t, sizeof(Repeat));
    if (!r) return VNULL;
    r->obj = out[0];
    r->left = (uint64_t)n;
    return v_from_ptr(r);
}

static Value repeat_next(VM *vm, Value self) {
    Repeat *r = AS(Repeat, self);
    int64_t n = GETI(r, left);
    if (n == 0) return VNULL;
    if (n > 0) SETI(r, left, n - 1);
    return r->obj;
}

static Value repeat_repr(VM *vm, Value self) {
    Repeat *r = AS(Repeat, self);
    int64_t n = GETI(r, left);
    if (n < 0) return vm_format(vm, "%s(%R)", str_cstr(v_type(self)->v_name), r->obj);
    return vm_format(vm, "%s(%R, %lld)", str_cstr(v_type(self)->v_name), r->obj, (long long)n);
}

static Value repeat_length_hint(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Repeat *r = AS(Repeat, args[0]);
    int64_t n = GETI(r, left);
    if (n < 0) return vm_raise(vm, &exc_TypeError, "len() of unsized object");
    return int_from_i64(vm, n);
}

/* ================= accumulate ================= */
typedef struct Accumulate {
    Obj hdr;
    Value it;
    Value func;                 /* VNULL: addition */
    Value total;                /* STM word: running value, VNULL before the first */
    Value initial;              /* STM word: pending initial value or VNULL */
} Accumulate;
static Type type_accumulate;

static void accumulate_trace(GcTracer *g, Obj *o) {
    Accumulate *a = (Accumulate *)o;
    gc_mark_value(g, a->it);
    gc_mark_value(g, a->func);
    gc_mark_value(g, a->total);
    gc_mark_value(g, a->initial);
}

static Value accumulate_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "func", "initial", NULL};
    Value out[3];
    /* initial is keyword-only */
    if (nargs > 2) return vm_raise(vm, &exc_TypeError, "accumulate() takes at most 2 positional arguments (%d given)", nargs);
    if (!vm_parse_args(vm, "accumulate", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    Value it = vm_iter(vm, out[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Accumulate *a = gc_alloc(vm, t, sizeof(Accumulate));
    ROOTS_RESET(vm);
    if (!a) return VNULL;
    a->it = it;
    a->func = out[1] && out[1] != V_NONE ? out[1] : VNULL;
    a->initial = out[2] && out[2] != V_NONE ? out[2] : VNULL;
    return v_from_ptr(a);
}

static Value accumulate_next(VM *vm, Value self) {
    Accumulate *a = AS(Accumulate, self);
    Value init = GETV(a, initial);
    if (init) {
        SETV(a, initial, VNULL);
        SETV(a, total, init);
        return init;
    }
    Value x = vm_next(vm, a->it);
    if (!x) return VNULL;
    Value total = GETV(a, total);
    if (total) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, x);
        ROOT_PUSH(vm, total);
        x = a->func ? vm_call2(vm, a->func, total, x) : vm_binop(vm, NB_ADD, total, x);
        ROOTS_RESET(vm);
        if (!x) return VNULL;
    }
    SETV(a, total, x);
    return x;
}

/* ================= chain ================= */
typedef struct Chain {
    Obj hdr;
    Value source;               /* STM word: iterator over the iterables, VNULL when done */
    Value active;               /* STM word: current iterator or VNULL */
} Chain;
static Type type_chain;

static void chain_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Chain *)o)->source);
    gc_mark_value(g, ((Chain *)o)->active);
}

static Value chain_from_source(VM *vm, Type *t, Value iterable) {
    Value src = vm_iter(vm, iterable);
    if (!src) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, src);
    Chain *c = gc_alloc(vm, t, sizeof(Chain));
    ROOTS_RESET(vm);
    if (!c) return VNULL;
    c->source = src;
    return v_from_ptr(c);
}

static Value chain_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!no_kw(vm, "chain", kwnames)) return VNULL;
    Value tup = tuple_from_array(vm, args, nargs);
    if (!tup) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, tup);
    Value r = chain_from_source(vm, t, tup);
    ROOTS_RESET(vm);
    return r;
}

static Value chain_from_iterable(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return chain_from_source(vm, AS(Type, args[0]), args[1]);
}

static Value chain_next(VM *vm, Value self) {
    Chain *c = AS(Chain, self);
    for (;;) {
        Value active = GETV(c, active);
        if (!active) {
            Value src = GETV(c, source);
            if (!src) return VNULL;
            Value nexti = vm_next(vm, src);
            if (!nexti) {
                if (!vm->exc) SETV(c, source, VNULL);
                return VNULL;
            }
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, nexti);
            active = vm_iter(vm, nexti);
            ROOTS_RESET(vm);
            if (!active) return VNULL;
            SETV(c, active, active);
        }
        Value x = vm_next(vm, active);
        if (x || vm->exc) return x;
        SETV(c, active, VNULL);
    }
}

/* ================= compress, dropwhile, takewhile, filterfalse, starmap ================= */
typedef struct Pair {           /* a function (or second iterator) and a source iterator */
    Obj hdr;
    Value func;
    Value it;
    uint64_t flag;              /* STM word: dropwhile: done dropping; takewhile: stopped */
} Pair;
static Type type_compress, type_dropwhile, type_takewhile, type_filterfalse, type_starmap;

static void pair_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Pair *)o)->func);
    gc_mark_value(g, ((Pair *)o)->it);
}

/* func + iter(iterable) */
static Value pair_new(VM *vm, Type *t, const char *name, Value *args, int nargs, Value kwnames) {
    if (!no_kw(vm, name, kwnames) || !nargs_exact(vm, name, nargs, 2)) return VNULL;
    Value it = vm_iter(vm, args[1]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Pair *p = gc_alloc(vm, t, sizeof(Pair));
    ROOTS_RESET(vm);
    if (!p) return VNULL;
    p->func = args[0];
    p->it = it;
    return v_from_ptr(p);
}

static Value compress_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"data", "selectors", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "compress", args, nargs, kwnames, names, 0, 2, out)) return VNULL;
    ROOTS_MARK(vm);
    Value data = vm_iter(vm, out[0]);
    if (!data) return VNULL;
    ROOT_PUSH(vm, data);
    Value sel = vm_iter(vm, out[1]);
    if (!sel) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, sel);
    Pair *p = gc_alloc(vm, t, sizeof(Pair));
    ROOTS_RESET(vm);
    if (!p) return VNULL;
    p->func = sel;
    p->it = data;
    return v_from_ptr(p);
}

static Value compress_next(VM *vm, Value self) {
    Pair *p = AS(Pair, self);
    for (;;) {
        Value d = vm_next(vm, p->it);
        if (!d) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, d);
        Value s = vm_next(vm, p->func);
        if (!s) { ROOTS_RESET(vm); return VNULL; }
        int r = vm_truthy(vm, s);
        ROOTS_RESET(vm);
        if (r < 0) return VNULL;
        if (r) return d;
    }
}

static Value dropwhile_new(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    return pair_new(vm, t, "dropwhile", args, nargs, kw);
}
static Value takewhile_new(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    return pair_new(vm, t, "takewhile", args, nargs, kw);
}
static Value filterfalse_new(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    return pair_new(vm, t, "filterfalse", args, nargs, kw);
}
static Value starmap_new(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    return pair_new(vm, t, "starmap", args, nargs, kw);
}

/* predicate(x) as 0/1, -1 on error (x rooted by the caller) */
static int pred(VM *vm, Value f, Value x) {
    Value r = vm_call1(vm, f, x);
    if (!r) return -1;
    return vm_truthy(vm, r);
}

static Value dropwhile_next(VM *vm, Value self) {
    Pair *p = AS(Pair, self);
    for (;;) {
        Value x = vm_next(vm, p->it);
        if (!x) return VNULL;
        if (GETI(p, flag)) return x;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, x);
        int r = pred(vm, p->func, x);
        ROOTS_RESET(vm);
        if (r < 0) return VNULL;
        if (!r) {
            SETI(p, flag, 1);
            return x;
        }
    }
}

static Value takewhile_next(VM *vm, Value self) {
    Pair *p = AS(Pair, self);
    if (GETI(p, flag)) return VNULL;
    Value x = vm_next(vm, p->it);
    if (!x) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, x);
    int r = pred(vm, p->func, x);
    ROOTS_RESET(vm);
    if (r < 0) return VNULL;
    if (r) return x;
    SETI(p, flag, 1);
    return VNULL;
}

static Value filterfalse_next(VM *vm, Value self) {
    Pair *p = AS(Pair, self);
    for (;;) {
        Value x = vm_next(vm, p->it);
        if (!x) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, x);
        int r = p->func == V_NONE ? vm_truthy(vm, x) : pred(vm, p->func, x);
        ROOTS_RESET(vm);
        if (r < 0) return VNULL;
        if (!r) return x;
    }
}

static Value starmap_next(VM *vm, Value self) {
    Pair *p = AS(Pair, self);
    Value x = vm_next(vm, p->it);
    if (!x) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, x);
    Value t = IS_TUPLE(x) ? x : vm_sequence_to_tuple(vm, x);
    if (!t) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, t);
    Value r = vm_call(vm, p->func, tuple_items(t), (int)tuple_len(t), VNULL);
    ROOTS_RESET(vm);
    return r;
}

/* ================= groupby ================= */
typedef struct GroupBy {
    Obj hdr;
    Value it;
    Value keyfunc;              /* VNULL: identity */
    Value tgtkey;               /* STM words: CPython's groupby state */
    Value currkey;
    Value currvalue;
    Value currgrouper;          /* the grouper allowed to advance, or VNULL */
} GroupBy;

typedef struct Grouper {
    Obj hdr;
    Value parent;
    Value tgtkey;
} Grouper;
static Type type_groupby, type_grouper;

static void groupby_trace(GcTracer *g, Obj *o) {
    GroupBy *b = (GroupBy *)o;
    gc_mark_value(g, b->it);
    gc_mark_value(g, b->keyfunc);
    gc_mark_value(g, b->tgtkey);
    gc_mark_value(g, b->currkey);
    gc_mark_value(g, b->currvalue);
    gc_mark_value(g, b->currgrouper);
}

static void grouper_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Grouper *)o)->parent);
    gc_mark_value(g, ((Grouper *)o)->tgtkey);
}

static Value groupby_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "key", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "groupby", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    Value it = vm_iter(vm, out[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    GroupBy *b = gc_alloc(vm, t, sizeof(GroupBy));
    ROOTS_RESET(vm);
    if (!b) return VNULL;
    b->it = it;
    b->keyfunc = out[1] && out[1] != V_NONE ? out[1] : VNULL;
    return v_from_ptr(b);
}

/* Read the next value and its key into currvalue/currkey; -1 at the end or on error. */
static int groupby_step(VM *vm, GroupBy *b) {
    Value v = vm_next(vm, b->it);
    if (!v) return -1;
    Value k = v;
    if (b->keyfunc) {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, v);
        k = vm_call1(vm, b->keyfunc, v);
        ROOTS_RESET(vm);
        if (!k) return -1;
    }
    SETV(b, currvalue, v);
    SETV(b, currkey, k);
    return 0;
}

static Value groupby_next(VM *vm, Value self) {
    GroupBy *b = AS(GroupBy, self);
    SETV(b, currgrouper, VNULL);
    /* skip to the next group */
    for (;;) {
        Value ck = GETV(b, currkey);
        if (ck) {
            Value tk = GETV(b, tgtkey);
            if (!tk) break;
            int r = vm_eq(vm, tk, ck);
            if (r < 0) return VNULL;
            if (!r) break;
        }
        if (groupby_step(vm, b) < 0) return VNULL;
    }
    Value key = GETV(b, currkey);
    SETV(b, tgtkey, key);
    Grouper *g = gc_alloc(vm, &type_grouper, sizeof(Grouper));
    if (!g) return VNULL;
    g->parent = self;
    g->tgtkey = key;
    Value gv = v_from_ptr(g);
    SETV(b, currgrouper, gv);
    return tuple_pack(vm, 2, key, gv);
}

static Value grouper_next(VM *vm, Value self) {
    Grouper *g = AS(Grouper, self);
    GroupBy *b = AS(GroupBy, g->parent);
    if (GETV(b, currgrouper) != self) return VNULL;
    if (!GETV(b, currvalue) && groupby_step(vm, b) < 0) return VNULL;
    int r = vm_eq(vm, g->tgtkey, GETV(b, currkey));
    if (r <= 0) return VNULL;
    Value v = GETV(b, currvalue);
    SETV(b, currvalue, VNULL);
    return v;
}

/* ================= islice ================= */
typedef struct ISlice {
    Obj hdr;
    Value it;                   /* STM word: VNULL once exhausted */
    uint64_t next;              /* STM word: position of the next item to yield */
    uint64_t cnt;               /* STM word: items consumed so far */
    int64_t stop;               /* -1: no limit */
    int64_t step;
} ISlice;
static Type type_islice;

static void islice_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((ISlice *)o)->it); }

/* None or an int in [0, maxsize]; false (ValueError raised with msg) otherwise */
static bool islice_arg(VM *vm, Value v, int64_t *out, int64_t none_value, const char *msg) {
    if (v == V_NONE) { *out = none_value; return true; }
    int64_t x = -1;
    if (v_is_int(v)) x = v_int(v);
    else if ((v_is_intlike(v) || v_type(v)->nb_index) && !vm_index_i64(vm, v, &x, NULL)) {
        vm_exc_clear(vm);
        x = -1;
    }
    if (x < 0) {
        vm_raise(vm, &exc_ValueError, "%s", msg);
        return false;
    }
    *out = x;
    return true;
}

static Value islice_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!no_kw(vm, "islice", kwnames)) return VNULL;
    if (nargs < 2) return vm_raise(vm, &exc_TypeError, "islice expected at least 2 arguments, got %d", nargs);
    if (nargs > 4) return vm_raise(vm, &exc_TypeError, "islice expected at most 4 arguments, got %d", nargs);
    int64_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (!islice_arg(vm, args[1], &stop, -1,
                        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."))
            return VNULL;
    } else {
        const char *msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        if (!islice_arg(vm, args[1], &start, 0, msg)) return VNULL;
        if (!islice_arg(vm, args[2], &stop, -1,
                        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."))
            return VNULL;
        if (nargs == 4) {
            int64_t s;
            if (!islice_arg(vm, args[3], &s, 1, "Step for islice() must be a positive integer or None."))
                return VNULL;
            if (s == 0) return vm_raise(vm, &exc_ValueError, "Step for islice() must be a positive integer or None.");
            step = s;
        }
    }
    Value it = vm_iter(vm, args[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    ISlice *s = gc_alloc(vm, t, sizeof(ISlice));
    ROOTS_RESET(vm);
    if (!s) return VNULL;
    s->it = it;
    s->next = (uint64_t)start;
    s->stop = stop;
    s->step = step;
    return v_from_ptr(s);
}

static Value islice_next(VM *vm, Value self) {
    ISlice *s = AS(ISlice, self);
    Value it = GETV(s, it);
    if (!it) return VNULL;
    int64_t nxt = GETI(s, next), cnt = GETI(s, cnt);
    while (cnt < nxt) {
        Value x = vm_next(vm, it);
        if (!x) goto empty;
        SETI(s, cnt, ++cnt);
    }
    if (s->stop != -1 && cnt >= s->stop) goto empty;
    Value x = vm_next(vm, it);
    if (!x) goto empty;
    SETI(s, cnt, cnt + 1);
    int64_t nn = nxt + s->step;
    if (nn < nxt || (s->stop != -1 && nn > s->stop)) nn = s->stop;
    SETI(s, next, nn);
    return x;
empty:
    if (!vm->exc) SETV(s, it, VNULL);
    return VNULL;
}

/* ================= pairwise ================= */
typedef struct Pairwise {
    Obj hdr;
    Value it;                   /* STM word: VNULL when exhausted */
    Value old;                  /* STM word: previous item or VNULL */
} Pairwise;
static Type type_pairwise;

static void pairwise_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Pairwise *)o)->it);
    gc_mark_value(g, ((Pairwise *)o)->old);
}

static Value pairwise_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!no_kw(vm, "pairwise", kwnames) || !nargs_exact(vm, "pairwise", nargs, 1)) return VNULL;
    Value it = vm_iter(vm, args[0]);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Pairwise *p = gc_alloc(vm, t, sizeof(Pairwise));
    ROOTS_RESET(vm);
    if (!p) return VNULL;
    p->it = it;
    return v_from_ptr(p);
}

static Value pairwise_next(VM *vm, Value self) {
    Pairwise *p = AS(Pairwise, self);
    Value it = GETV(p, it);
    if (!it) return VNULL;
    Value old = GETV(p, old);
    if (!old) {
        old = vm_next(vm, it);
        if (!old) {
            if (!vm->exc) SETV(p, it, VNULL);
            return VNULL;
        }
        SETV(p, old, old);
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, old);
    Value nw = vm_next(vm, it);
    if (!nw) {
        ROOTS_RESET(vm);
        if (!vm->exc) {
            SETV(p, it, VNULL);
            SETV(p, old, VNULL);
        }
        return VNULL;
    }
    ROOT_PUSH(vm, nw);
    Value r = tuple_pack(vm, 2, old, nw);
    ROOTS_RESET(vm);
    if (r) SETV(p, old, nw);
    return r;
}

/* ================= tee ================= */
#define TEE_LINK 57
typedef struct TeeData {        /* one link of the shared buffer */
    Obj hdr;
    Value it;                   /* the shared source iterator */
    uint64_t numread;           /* STM word: items stored in values[] */
    uint64_t running;           /* STM word: a next() on the source is in progress */
    Value nextlink;             /* STM word: the following link or VNULL */
    Value values[TEE_LINK];     /* STM words */
} TeeData;

typedef struct Tee {
    Obj hdr;
    Value data;                 /* STM word: current link */
    uint64_t index;             /* STM word: position in that link */
} Tee;
static Type type_teedata, type_tee;

static void teedata_trace(GcTracer *g, Obj *o) {
    TeeData *d = (TeeData *)o;
    gc_mark_value(g, d->it);
    gc_mark_value(g, d->nextlink);
    gc_mark_range(g, d->values, TEE_LINK);
}

static void tee_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((Tee *)o)->data); }

static Value teedata_new(VM *vm, Value it) {
    TeeData *d = gc_alloc(vm, &type_teedata, sizeof(TeeData));
    if (!d) return VNULL;
    d->it = it;
    return v_from_ptr(d);
}

static Value tee_make(VM *vm, Value data, int64_t index) {
    Tee *t = gc_alloc(vm, &type_tee, sizeof(Tee));
    if (!t) return VNULL;
    t->data = data;
    t->index = (uint64_t)index;
    return v_from_ptr(t);
}

static Value tee_copy(VM *vm, Value self) {
    Tee *t = AS(Tee, self);
    return tee_make(vm, GETV(t, data), GETI(t, index));
}

static Value tee_from_iterable(VM *vm, Value iterable) {
    Value it = vm_iter(vm, iterable);
    if (!it) return VNULL;
    if (v_is_type(it, &type_tee)) return tee_copy(vm, it);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value d = teedata_new(vm, it);
    Value r = d ? tee_make(vm, d, 0) : VNULL;
    ROOTS_RESET(vm);
    return r;
}

static Value tee_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (!no_kw(vm, "_tee", kwnames) || !nargs_exact(vm, "_tee", nargs, 1)) return VNULL;
    return tee_from_iterable(vm, args[0]);
}

static Value tee_next(VM *vm, Value self) {
    Tee *t = AS(Tee, self);
    Value dv = GETV(t, data);
    int64_t i = GETI(t, index);
    TeeData *d = AS(TeeData, dv);
    if (i >= TEE_LINK) {
        Value nl = GETV(d, nextlink);
        if (!nl) {
            nl = teedata_new(vm, d->it);
            if (!nl) return VNULL;
            SETV(d, nextlink, nl);
        }
        SETV(t, data, nl);
        SETI(t, index, 0);
        dv = nl;
        d = AS(TeeData, nl);
        i = 0;
    }
    Value v;
    if (i < GETI(d, numread)) {
        v = GETV(d, values[i]);
    } else {
        if (GETI(d, running)) return vm_raise(vm, &exc_RuntimeError, "cannot re-enter the tee iterator");
        SETI(d, running, 1);
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, dv);
        v = vm_next(vm, d->it);
        ROOTS_RESET(vm);
        SETI(d, running, 0);
        if (!v) return VNULL;
        SETV(d, values[i], v);
        SETI(d, numread, i + 1);
    }
    SETI(t, index, i + 1);
    return v;
}

static Value tee_copy_method(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return tee_copy(vm, args[0]);
}

static Value f_tee(VM *vm, Value *args, int nargs, Value kw) {
    (void)kw;
    int64_t n = 2;
    if (nargs > 1 && !vm_index_i64(vm, args[1], &n, NULL)) return VNULL;
    if (n < 0) return vm_raise(vm, &exc_ValueError, "n must be >= 0");
    ROOTS_MARK(vm);
    Value r = tuple_new(vm, n);
    if (!r) return VNULL;
    ROOT_PUSH(vm, r);
    for (int64_t i = 0; i < n; i++) tuple_items(r)[i] = V_NONE;
    Value it = vm_iter(vm, args[0]);
    if (!it) { ROOTS_RESET(vm); return VNULL; }
    if (n == 0) { ROOTS_RESET(vm); return r; }
    ROOT_PUSH(vm, it);
    /* an iterator with __copy__ (e.g. a tee) is used itself, plus copies */
    bool err = false;
    Value copyfn = vm_getattr_opt(vm, it, str_intern_cstr(vm, "__copy__"), &err);
    if (err) { ROOTS_RESET(vm); return VNULL; }
    Value first = it;
    if (!copyfn) {
        first = tee_from_iterable(vm, it);
        if (!first) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, first);
        copyfn = vm_getattr_cstr(vm, first, "__copy__");
        if (!copyfn) { ROOTS_RESET(vm); return VNULL; }
    }
    ROOT_PUSH(vm, copyfn);
    tuple_items(r)[0] = first;
    for (int64_t i = 1; i < n; i++) {
        Value c = vm_call0(vm, copyfn);
        if (!c) { ROOTS_RESET(vm); return VNULL; }
        tuple_items(r)[i] = c;
    }
    ROOTS_RESET(vm);
    return r;
}

/* ================= zip_longest ================= */
typedef struct ZipLongest {
    Obj hdr;
    Value iters;                /* ValArray of iterators (STM slots: None once exhausted) */
    int64_t n;
    uint64_t active;            /* STM word: iterators not yet exhausted */
    Value fill;
} ZipLongest;
static Type type_zip_longest;

static void ziplongest_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((ZipLongest *)o)->iters);
    gc_mark_value(g, ((ZipLongest *)o)->fill);
}

static Value ziplongest_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    Value fill = V_NONE;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int k = 0; k < nk; k++) {
        if (strcmp(str_cstr(tuple_items(kwnames)[k]), "fillvalue"))
            return vm_raise(vm, &exc_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs + k];
    }
    ROOTS_MARK(vm);
    Value iters = valarray_new(vm, nargs);
    if (!iters) return VNULL;
    ROOT_PUSH(vm, iters);
    for (int i = 0; i < nargs; i++) AS(ValArray, iters)->items[i] = V_NONE;
    for (int i = 0; i < nargs; i++) {
        Value it = vm_iter(vm, args[i]);
        if (!it) { ROOTS_RESET(vm); return VNULL; }
        AS(ValArray, iters)->items[i] = it;
    }
    ZipLongest *z = gc_alloc(vm, t, sizeof(ZipLongest));
    ROOTS_RESET(vm);
    if (!z) return VNULL;
    z->iters = iters;
    z->n = nargs;
    z->active = (uint64_t)nargs;
    z->fill = fill;
    return v_from_ptr(z);
}

static Value ziplongest_next(VM *vm, Value self) {
    ZipLongest *z = AS(ZipLongest, self);
    if (z->n == 0 || GETI(z, active) == 0) return VNULL;
    ROOTS_MARK(vm);
    Value r = tuple_new(vm, z->n);
    if (!r) return VNULL;
    ROOT_PUSH(vm, r);
    for (int64_t i = 0; i < z->n; i++) tuple_items(r)[i] = V_NONE;
    ValArray *a = AS(ValArray, z->iters);
    for (int64_t i = 0; i < z->n; i++) {
        Value it = RD(vm, a, a->items[i]);
        Value x;
        if (it == V_NONE) {
            x = z->fill;
        } else {
            x = vm_next(vm, it);
            if (!x) {
                if (vm->exc) { ROOTS_RESET(vm); return VNULL; }
                int64_t act = GETI(z, active) - 1;
                SETI(z, active, act);
                WR(vm, a, a->items[i], V_NONE);
                if (act == 0) { ROOTS_RESET(vm); return VNULL; }
                x = z->fill;
            }
        }
        tuple_items(r)[i] = x;
    }
    ROOTS_RESET(vm);
    return r;
}

/* ================= combinatorics ================= */
typedef struct Combi {
    Obj hdr;
    Value pool;                 /* tuple of the items (product: tuple of pools) */
    Value indices;              /* ValArray of small ints (STM slots) */
    Value cycles;               /* permutations only */
    Value result;               /* STM word: the last tuple produced, VNULL before the first */
    uint64_t stopped;           /* STM word */
    int64_t r;                  /* result length */
} Combi;
static Type type_product, type_permutations, type_combinations, type_cwr;

static void combi_trace(GcTracer *g, Obj *o) {
    Combi *c = (Combi *)o;
    gc_mark_value(g, c->pool);
    gc_mark_value(g, c->indices);
    gc_mark_value(g, c->cycles);
    gc_mark_value(g, c->result);
}

/* The Combi object with pool (rooted by the caller) and zeroed index arrays. */
static Combi *combi_alloc(VM *vm, Type *t, Value pool, int64_t nidx, int64_t ncycles, int64_t r) {
    ROOTS_MARK(vm);
    Value idx = valarray_new(vm, nidx);
    if (!idx) return NULL;
    ROOT_PUSH(vm, idx);
    for (int64_t i = 0; i < nidx; i++) AS(ValArray, idx)->items[i] = v_from_small(0);
    Value cyc = VNULL;
    if (ncycles >= 0) {
        cyc = valarray_new(vm, ncycles);
        if (!cyc) { ROOTS_RESET(vm); return NULL; }
        ROOT_PUSH(vm, cyc);
        for (int64_t i = 0; i < ncycles; i++) AS(ValArray, cyc)->items[i] = v_from_small(0);
    }
    Combi *c = gc_alloc(vm, t, sizeof(Combi));
    ROOTS_RESET(vm);
    if (!c) return NULL;
    c->pool = pool;
    c->indices = idx;
    c->cycles = cyc;
    c->r = r;
    return c;
}

/* r argument: int >= 0 */
static bool parse_r(VM *vm, Value v, int64_t *r, const char *type_msg) {
    if (type_msg && !v_is_intlike(v)) {
        vm_raise(vm, &exc_TypeError, "%s", type_msg);
        return false;
    }
    if (!vm_index_i64(vm, v, r, NULL)) return false;
    if (*r < 0) {
        vm_raise(vm, &exc_ValueError, "r must be non-negative");
        return false;
    }
    return true;
}

static Value product_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    int64_t repeat = 1;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int k = 0; k < nk; k++) {
        Value kn = tuple_items(kwnames)[k];
        if (strcmp(str_cstr(kn), "repeat"))
            return vm_raise(vm, &exc_TypeError, "'%U' is an invalid keyword argument for product()", kn);
        if (!vm_index_i64(vm, args[nargs + k], &repeat, NULL)) return VNULL;
        if (repeat < 0) return vm_raise(vm, &exc_ValueError, "repeat argument cannot be negative");
    }
    if (repeat && nargs > INT32_MAX / repeat) return vm_raise(vm, &exc_OverflowError, "repeat argument too large");
    int64_t npools = nargs * repeat;
    ROOTS_MARK(vm);
    Value pools = tuple_new(vm, npools);
    if (!pools) return VNULL;
    ROOT_PUSH(vm, pools);
    for (int64_t i = 0; i < npools; i++) tuple_items(pools)[i] = empty_tuple;
    for (int i = 0; i < nargs; i++) {
        Value p = vm_sequence_to_tuple(vm, args[i]);
        if (!p) { ROOTS_RESET(vm); return VNULL; }
        for (int64_t k = 0; k < repeat; k++) tuple_items(pools)[k * nargs + i] = p;
    }
    Combi *c = combi_alloc(vm, t, pools, npools, -1, npools);
    ROOTS_RESET(vm);
    return c ? v_from_ptr(c) : VNULL;
}

static Value product_next(VM *vm, Value self) {
    Combi *c = AS(Combi, self);
    if (GETI(c, stopped)) return VNULL;
    Value pools = c->pool;
    int64_t n = c->r;
    Value prev = GETV(c, result);
    Value r;
    if (!prev) {
        r = tuple_new(vm, n);
        if (!r) return VNULL;
        for (int64_t i = 0; i < n; i++) {
            Value pool = tuple_items(pools)[i];
            if (tuple_len(pool) == 0) {
                SETI(c, stopped, 1);
                return VNULL;
            }
            tuple_items(r)[i] = tuple_items(pool)[0];
        }
    } else {
        r = tuple_from_array(vm, tuple_items(prev), n);
        if (!r) return VNULL;
        int64_t i;
        for (i = n - 1; i >= 0; i--) {
            Value pool = tuple_items(pools)[i];
            int64_t k = ia_get(vm, c->indices, i) + 1;
            if (k == tuple_len(pool)) {
                ia_set(vm, c->indices, i, 0);
                tuple_items(r)[i] = tuple_items(pool)[0];
            } else {
                ia_set(vm, c->indices, i, k);
                tuple_items(r)[i] = tuple_items(pool)[k];
                break;
            }
        }
        if (i < 0) {
            SETI(c, stopped, 1);
            return VNULL;
        }
    }
    SETV(c, result, r);
    return r;
}

static Value permutations_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "r", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "permutations", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    Value pool = vm_sequence_to_tuple(vm, out[0]);
    if (!pool) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, pool);
    int64_t n = tuple_len(pool), r = n;
    if (out[1] && out[1] != V_NONE && !parse_r(vm, out[1], &r, "Expected int as r")) { ROOTS_RESET(vm); return VNULL; }
    Combi *c = combi_alloc(vm, t, pool, n, r, r);
    ROOTS_RESET(vm);
    if (!c) return VNULL;
    for (int64_t i = 0; i < n; i++) AS(ValArray, c->indices)->items[i] = v_from_small(i);
    for (int64_t i = 0; i < r; i++) AS(ValArray, c->cycles)->items[i] = v_from_small(n - i);
    if (r > n) c->stopped = 1;
    return v_from_ptr(c);
}

/* pool[indices[0..r)] as a new tuple */
static Value pick(VM *vm, Combi *c) {
    Value r = tuple_new(vm, c->r);
    if (!r) return VNULL;
    for (int64_t i = 0; i < c->r; i++) tuple_items(r)[i] = tuple_items(c->pool)[ia_get(vm, c->indices, i)];
    return r;
}

static Value permutations_next(VM *vm, Value self) {
    Combi *c = AS(Combi, self);
    if (GETI(c, stopped)) return VNULL;
    int64_t n = tuple_len(c->pool), r = c->r;
    if (GETV(c, result)) {
        if (n == 0) goto empty;
        int64_t i;
        for (i = r - 1; i >= 0; i--) {
            int64_t cy = ia_get(vm, c->cycles, i) - 1;
            if (cy == 0) {
                int64_t first = ia_get(vm, c->indices, i);
                for (int64_t j = i; j < n - 1; j++) ia_set(vm, c->indices, j, ia_get(vm, c->indices, j + 1));
                ia_set(vm, c->indices, n - 1, first);
                ia_set(vm, c->cycles, i, n - i);
            } else {
                ia_set(vm, c->cycles, i, cy);
                int64_t a = ia_get(vm, c->indices, i), b = ia_get(vm, c->indices, n - cy);
                ia_set(vm, c->indices, i, b);
                ia_set(vm, c->indices, n - cy, a);
                break;
            }
        }
        if (i < 0) goto empty;
    }
    Value res = pick(vm, c);
    if (res) SETV(c, result, res);
    return res;
empty:
    SETI(c, stopped, 1);
    return VNULL;
}

static Value combinations_common(VM *vm, Type *t, const char *name, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"iterable", "r", NULL};
    Value out[2];
    if (!vm_parse_args(vm, name, args, nargs, kwnames, names, 0, 2, out)) return VNULL;
    Value pool = vm_sequence_to_tuple(vm, out[0]);
    if (!pool) return VNULL;
    int64_t r;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, pool);
    if (!parse_r(vm, out[1], &r, NULL)) { ROOTS_RESET(vm); return VNULL; }
    Combi *c = combi_alloc(vm, t, pool, r, -1, r);
    ROOTS_RESET(vm);
    if (!c) return VNULL;
    int64_t n = tuple_len(pool);
    if (t == &type_combinations) {
        for (int64_t i = 0; i < r; i++) AS(ValArray, c->indices)->items[i] = v_from_small(i);
        if (r > n) c->stopped = 1;
    } else if (n == 0 && r > 0) {
        c->stopped = 1;
    }
    return v_from_ptr(c);
}

static Value combinations_new(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    return combinations_common(vm, t, "combinations", args, nargs, kw);
}
static Value cwr_new(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    return combinations_common(vm, t, "combinations_with_replacement", args, nargs, kw);
}

static Value combinations_next(VM *vm, Value self) {
    Combi *c = AS(Combi, self);
    if (GETI(c, stopped)) return VNULL;
    int64_t n = tuple_len(c->pool), r = c->r;
    if (GETV(c, result)) {
        int64_t i = r - 1;
        while (i >= 0 && ia_get(vm, c->indices, i) == i + n - r) i--;
        if (i < 0) {
            SETI(c, stopped, 1);
            return VNULL;
        }
        ia_set(vm, c->indices, i, ia_get(vm, c->indices, i) + 1);
        for (int64_t j = i + 1; j < r; j++) ia_set(vm, c->indices, j, ia_get(vm, c->indices, j - 1) + 1);
    }
    Value res = pick(vm, c);
    if (res) SETV(c, result, res);
    return res;
}

static Value cwr_next(VM *vm, Value self) {
    Combi *c = AS(Combi, self);
    if (GETI(c, stopped)) return VNULL;
    int64_t n = tuple_len(c->pool), r = c->r;
    if (GETV(c, result)) {
        int64_t i = r - 1;
        while (i >= 0 && ia_get(vm, c->indices, i) == n - 1) i--;
        if (i < 0) {
            SETI(c, stopped, 1);
            return VNULL;
        }
        int64_t k = ia_get(vm, c->indices, i) + 1;
        for (int64_t j = i; j < r; j++) ia_set(vm, c->indices, j, k);
    }
    Value res = pick(vm, c);
    if (res) SETV(c, result, res);
    return res;
}

/* ================= tables ================= */
static const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, 2, 2, MF_CLASS, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef tee_methods[] = {
    {"__copy__", tee_copy_method, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef itertools_defs[] = {
    {"tee", f_tee, 1, 2, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
#define ITER_TYPE(var, pyname, ctype, trace_fn, new_fn, next_fn)                                   \
    static Type var = { .base = STATIC_HDR, .name = "itertools." pyname, .basicsize = sizeof(ctype),             \
                 .trace = trace_fn, .tp_new = new_fn, .tp_iter = self_iter, .tp_iternext = next_fn }

ITER_TYPE(type_cycle, "cycle", Cycle, cycle_trace, cycle_new, cycle_next);
ITER_TYPE(type_accumulate, "accumulate", Accumulate, accumulate_trace, accumulate_new, accumulate_next);
ITER_TYPE(type_chain, "chain", Chain, chain_trace, chain_new, chain_next);
ITER_TYPE(type_compress, "compress", Pair, pair_trace, compress_new, compress_next);
ITER_TYPE(type_dropwhile, "dropwhile", Pair, pair_trace, dropwhile_new, dropwhile_next);
ITER_TYPE(type_takewhile, "takewhile", Pair, pair_trace, takewhile_new, takewhile_next);
ITER_TYPE(type_filterfalse, "filterfalse", Pair, pair_trace, filterfalse_new, filterfalse_next);
ITER_TYPE(type_starmap, "starmap", Pair, pair_trace, starmap_new, starmap_next);
ITER_TYPE(type_groupby, "groupby", GroupBy, groupby_trace, groupby_new, groupby_next);
ITER_TYPE(type_grouper, "_grouper", Grouper, grouper_trace, NULL, grouper_next);
ITER_TYPE(type_islice, "islice", ISlice, islice_trace, islice_new, islice_next);
ITER_TYPE(type_pairwise, "pairwise", Pairwise, pairwise_trace, pairwise_new, pairwise_next);
ITER_TYPE(type_tee, "_tee", Tee, tee_trace, tee_new, tee_next);
ITER_TYPE(type_zip_longest, "zip_longest", ZipLongest, ziplongest_trace, ziplongest_new, ziplongest_next);
ITER_TYPE(type_product, "product", Combi, combi_trace, product_new, product_next);
ITER_TYPE(type_permutations, "permutations", Combi, combi_trace, permutations_new, permutations_next);
ITER_TYPE(type_combinations, "combinations", Combi, combi_trace, combinations_new, combinations_next);
ITER_TYPE(type_cwr, "combinations_with_replacement", Combi, combi_trace, cwr_new, cwr_next);

static Type type_count = { .base = STATIC_HDR, .name = "itertools.count", .basicsize = sizeof(Count), .trace = count_trace,
                    .tp_new = count_new, .tp_iter = self_iter, .tp_iternext = count_next, .tp_repr = count_repr };
static Type type_repeat = { .base = STATIC_HDR, .name = "itertools.repeat", .basicsize = sizeof(Repeat),
                     .trace = repeat_trace, .tp_new = repeat_new, .tp_iter = self_iter, .tp_iternext = repeat_next,
                     .tp_repr = repeat_repr };
static Type type_teedata = { .base = STATIC_HDR, .name = "itertools._tee_dataobject", .basicsize = sizeof(TeeData),
                      .trace = teedata_trace };

static Type *const all_types[] = {
    &type_count, &type_cycle, &type_repeat, &type_accumulate, &type_chain, &type_compress, &type_dropwhile,
    &type_takewhile, &type_filterfalse, &type_starmap, &type_groupby, &type_grouper, &type_islice,
    &type_pairwise, &type_teedata, &type_tee, &type_zip_longest, &type_product, &type_permutations,
    &type_combinations, &type_cwr, NULL
};

/* Static types named "itertools.name": __name__ is the part after the dot. */
static void ready_named(VM *vm, Type *t) {
    type_ready(t);
    const char *dot = strrchr(t->name, '.');
    t->v_name = str_intern_cstr(vm, dot + 1);
    t->v_qualname = t->v_name;
    t->v_module = str_intern_cstr(vm, "itertools");
}

Value mod_itertools_init(VM *vm) {
    if (!type_count.dict) {
        for (int i = 0; all_types[i]; i++) ready_named(vm, all_types[i]);
        type_add_methods(&type_repeat, repeat_methods);
        type_add_methods(&type_chain, chain_methods);
        type_add_methods(&type_tee, tee_methods);
    }
    Value m = vm_new_module(vm, "itertools");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = itertools_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    for (int i = 0; all_types[i]; i++) {
        Type *t = all_types[i];
        if (t == &type_teedata) continue;
        dict_set_str(vm, d, t->v_name, v_from_ptr(t));
    }
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
