/* mod_functools.c - the _functools module: reduce, cmp_to_key (the
 * functools.KeyWrapper type), the functools.partial type and
 * _lru_cache_wrapper (the object lru_cache() returns).  The rest of
 * functools (wraps, total_ordering, the lru_cache() argument handling, ...)
 * is lib/functools.py.
 *
 * partial objects are immutable once created (func, args, keywords are
 * written only before publication), but like CPython's they have a
 * __dict__: the type has an attribute area right after the Partial fields
 * (the GC traces the attribute areas of such static types itself).
 * KeyWrapper objects are immutable.
 *
 * An lru cache keeps a dict from keys to links and, when bounded, a
 * circular doubly linked list of the links in use order (least recent
 * after the root sentinel).  Link prev/next, the counters and the root's
 * neighbours are STM words.  Invariants: every link in the dict is in the
 * list and vice versa; the dict never holds more than maxsize entries.
 * Unbounded caches store results directly in the dict.
 */
#include "vm.h"
#include <string.h>

Value generic_alias_new(VM *vm, Value origin, Value args);

#define F(name) static Value name(VM *vm, Value *args, int nargs, Value kw)

/* ================= reduce ================= */
F(f_reduce) {
    (void)kw;
    if (nargs < 2) return vm_raise(vm, &exc_TypeError, "reduce expected at least 2 arguments, got %d", nargs);
    if (nargs > 3) return vm_raise(vm, &exc_TypeError, "reduce expected at most 3 arguments, got %d", nargs);
    Value fn = args[0];
    Value it = vm_iter(vm, args[1]);
    if (!it) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return VNULL;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value acc = nargs > 2 ? args[2] : VNULL;
    int slot = vm->nroots;
    ROOT_PUSH(vm, acc);
    Value x;
    while ((x = vm_next(vm, it))) {
        if (!acc) {
            acc = x;
        } else {
            ROOT_PUSH(vm, x);
            acc = vm_call2(vm, fn, acc, x);
            vm->nroots--;
            if (!acc) { ROOTS_RESET(vm); return VNULL; }
        }
        vm->roots[slot] = acc;
    }
    ROOTS_RESET(vm);
    if (vm->exc) return VNULL;
    if (!acc) return vm_raise(vm, &exc_TypeError, "reduce() of empty iterable with no initial value");
    return acc;
}

/* ================= cmp_to_key ================= */
typedef struct KeyWrapper {
    Obj hdr;
    Value cmp;
    Value obj;                  /* VNULL for the key function itself */
} KeyWrapper;
static Type type_keywrapper;

static void keywrapper_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((KeyWrapper *)o)->cmp);
    gc_mark_value(g, ((KeyWrapper *)o)->obj);
}

static Value keywrapper_make(VM *vm, Value cmp, Value obj) {
    KeyWrapper *k = gc_alloc(vm, &type_keywrapper, sizeof(KeyWrapper));
    if (!k) return VNULL;
    k->cmp = cmp;
    k->obj = obj;
    return v_from_ptr(k);
}

F(f_cmp_to_key) {
    static const char *const names[] = {"mycmp", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "cmp_to_key", args, nargs, kw, names, 0, 1, out)) return VNULL;
    return keywrapper_make(vm, out[0], VNULL);
}

static Value keywrapper_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"obj", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "K", args, nargs, kwnames, names, 0, 1, out)) return VNULL;
    return keywrapper_make(vm, AS(KeyWrapper, self)->cmp, out[0]);
}

static Value keywrapper_richcompare(VM *vm, Value a, Value b, int op) {
    if (!v_is_type(b, &type_keywrapper) || !v_is_type(a, &type_keywrapper))
        return vm_raise(vm, &exc_TypeError, "other argument must be K instance");
    KeyWrapper *x = AS(KeyWrapper, a), *y = AS(KeyWrapper, b);
    if (!x->obj || !y->obj) return vm_raise(vm, &exc_AttributeError, "object");
    Value r = vm_call2(vm, x->cmp, x->obj, y->obj);
    if (!r) return VNULL;
    if (v_is_int(r)) {
        int64_t c = v_int(r);
        bool res;
        switch (op) {
        case CMP_LT_OP: res = c < 0; break;
        case CMP_LE_OP: res = c <= 0; break;
        case CMP_EQ_OP: res = c == 0; break;
        case CMP_NE_OP: res = c != 0; break;
        case CMP_GT_OP: res = c > 0; break;
        default: res = c >= 0; break;
        }
        return v_bool(res);
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    Value res = vm_richcompare(vm, r, v_from_small(0), op);
    ROOTS_RESET(vm);
    return res;
}

static Value kg_obj(VM *vm, Value o) {
    Value obj = AS(KeyWrapper, o)->obj;
    if (!obj) return vm_raise(vm, &exc_AttributeError, "obj");
    return obj;
}

/* ================= partial ================= */
typedef struct Partial {
    Obj hdr;
    Value fn;
    Value args;                 /* tuple */
    Value kw;                   /* dict */
} Partial;
static Type type_partial;

static void partial_trace(GcTracer *g, Obj *o) {
    Partial *p = (Partial *)o;
    gc_mark_value(g, p->fn);
    gc_mark_value(g, p->args);
    gc_mark_value(g, p->kw);
}

static Value partial_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return vm_raise(vm, &exc_TypeError, "type 'partial' takes at least one argument");
    Value fn = args[0];
    if (!vm_callable(fn)) return vm_raise(vm, &exc_TypeError, "the first argument must be callable");
    Value pargs = empty_tuple, pkw = VNULL;
    /* partial(partial(f, ...), ...) flattens when both are exact partials */
    if (v_is_type(fn, &type_partial) && t == &type_partial) {
        Partial *inner = AS(Partial, fn);
        pargs = inner->args;
        pkw = inner->kw;
        fn = inner->fn;
    }
    ROOTS_MARK(vm);
    int64_t na = tuple_len(pargs);
    Value all = tuple_new(vm, na + nargs - 1);
    if (!all) return VNULL;
    ROOT_PUSH(vm, all);
    memcpy(tuple_items(all), tuple_items(pargs), (size_t)na * sizeof(Value));
    memcpy(tuple_items(all) + na, args + 1, (size_t)(nargs - 1) * sizeof(Value));
    Value kw = pkw ? dict_copy(vm, pkw) : dict_new(vm);
    if (!kw) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, kw);
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int k = 0; k < nk; k++)
        if (dict_set(vm, kw, tuple_items(kwnames)[k], args[nargs + k]) < 0) { ROOTS_RESET(vm); return VNULL; }
    Value o = instance_alloc(vm, t);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    Partial *p = AS(Partial, o);
    p->fn = fn;
    p->args = all;
    p->kw = kw;
    return o;
}

static Value partial_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    Partial *p = AS(Partial, self);
    int64_t na = tuple_len(p->args);
    int64_t pk = dict_len(vm, p->kw);
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    if (pk == 0) {
        if (na == 0) return vm_call(vm, p->fn, args, nargs, kwnames);
        /* positional only: one flat argument array */
        ROOTS_MARK(vm);
        Value all = tuple_new(vm, na + nargs + nk);
        if (!all) return VNULL;
        ROOT_PUSH(vm, all);
        memcpy(tuple_items(all), tuple_items(p->args), (size_t)na * sizeof(Value));
        memcpy(tuple_items(all) + na, args, (size_t)(nargs + nk) * sizeof(Value));
        Value r = vm_call(vm, p->fn, tuple_items(all), (int)(na + nargs), nk ? kwnames : VNULL);
        ROOTS_RESET(vm);
        return r;
    }
    /* stored keywords, overridden by the call's */
    ROOTS_MARK(vm);
    Value kw = dict_copy(vm, p->kw);
    if (!kw) return VNULL;
    ROOT_PUSH(vm, kw);
    for (int k = 0; k < nk; k++)
        if (dict_set(vm, kw, tuple_items(kwnames)[k], args[nargs + k]) < 0) { ROOTS_RESET(vm); return VNULL; }
    Value all = tuple_new(vm, na + nargs);
    if (!all) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, all);
    memcpy(tuple_items(all), tuple_items(p->args), (size_t)na * sizeof(Value));
    memcpy(tuple_items(all) + na, args, (size_t)nargs * sizeof(Value));
    Value r = vm_call_tuple_dict(vm, p->fn, all, kw);
    ROOTS_RESET(vm);
    return r;
}

static Value partial_repr(VM *vm, Value self) {
    Partial *p = AS(Partial, self);
    Type *t = v_type(self);
    int rr = vm_repr_enter(vm, self);
    if (rr < 0) return VNULL;
    if (rr > 0) return str_from_cstr(vm, "...");
    StrBuf sb = STRBUF_INIT;
    sb_puts(&sb, t == &type_partial ? "functools.partial" : t->name);
    sb_putc(&sb, '(');
    bool ok = true;
    Value r = vm_repr(vm, p->fn);
    if (!r) ok = false;
    else sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    for (int64_t i = 0; ok && i < tuple_len(p->args); i++) {
        sb_puts(&sb, ", ");
        r = vm_repr(vm, tuple_items(p->args)[i]);
        if (!r) ok = false;
        else sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    }
    int64_t pos = 0;
    Value k, v;
    while (ok && dict_next(vm, p->kw, &pos, &k, &v)) {
        sb_puts(&sb, ", ");
        Value ks = vm_str(vm, k);
        r = ks ? vm_repr(vm, v) : VNULL;
        if (!r) ok = false;
        else {
            sb_append(&sb, str_cstr(ks), (size_t)str_len(ks));
            sb_putc(&sb, '=');
            sb_append(&sb, str_cstr(r), (size_t)str_len(r));
        }
    }
    vm_repr_leave(vm, self);
    if (!ok) { sb_free(&sb); return VNULL; }
    sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static Value pg_func(VM *vm, Value o) { (void)vm; return AS(Partial, o)->fn; }
static Value pg_args(VM *vm, Value o) { (void)vm; return AS(Partial, o)->args; }
static Value pg_keywords(VM *vm, Value o) { (void)vm; return AS(Partial, o)->kw; }

F(m_partial_class_getitem) { (void)nargs; (void)kw; return generic_alias_new(vm, args[0], args[1]); }

F(m_partial_reduce) {
    (void)nargs; (void)kw;
    Partial *p = AS(Partial, args[0]);
    bool err = false;
    Value d = vm_getattr_opt(vm, args[0], NM(__dict__), &err);
    if (err) return VNULL;
    ROOTS_MARK(vm);
    Value fnargs = tuple_pack(vm, 1, p->fn);
    if (!fnargs) return VNULL;
    ROOT_PUSH(vm, fnargs);
    Value state = tuple_pack(vm, 4, p->fn, p->args, p->kw, d ? d : V_NONE);
    if (!state) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, state);
    Value r = tuple_pack(vm, 3, v_from_ptr(v_type(args[0])), fnargs, state);
    ROOTS_RESET(vm);
    return r;
}


/* ================= lru cache ================= */
typedef struct LruLink {
    Obj hdr;
    Value prev, next;           /* STM words: LruLink */
    Value key, result;          /* STM words */
} LruLink;

typedef struct LruCache {
    Obj hdr;
    Value func;
    Value cache;                /* STM word: dict, key -> LruLink (bounded) or result (unbounded) */
    Value root;                 /* sentinel LruLink (bounded caches) */
    Value info_type;            /* called as info_type(hits, misses, maxsize, currsize) */
    int64_t maxsize;            /* -1: unbounded */
    int64_t typed;
    uint64_t hits, misses;      /* STM words */
} LruCache;
static Type type_lru_link, type_lru_cache;

static void lrulink_trace(GcTracer *g, Obj *o) {
    LruLink *l = (LruLink *)o;
    gc_mark_value(g, l->prev);
    gc_mark_value(g, l->next);
    gc_mark_value(g, l->key);
    gc_mark_value(g, l->result);
}

static void lru_trace(GcTracer *g, Obj *o) {
    LruCache *c = (LruCache *)o;
    gc_mark_value(g, c->func);
    gc_mark_value(g, c->cache);
    gc_mark_value(g, c->root);
    gc_mark_value(g, c->info_type);
}

static Value kwd_mark;          /* separates positional from keyword parts of keys */

/* The cache key of a call, as functools._make_key: the positional
 * arguments, then the marker and the keyword items, then (typed) the
 * types; a lone int or str argument is its own key. */
static Value lru_make_key(VM *vm, LruCache *c, Value *args, int nargs, Value kwnames) {
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    if (!c->typed && nk == 0 && nargs == 1) {
        Value a = args[0];
        if (v_is_int(a) || IS_EXACT_STR(a) || IS_BIGINT(a)) return a;
    }
    int64_t n = nargs + (nk ? 1 + 2 * nk : 0) + (c->typed ? nargs + nk : 0);
    Value key = tuple_new(vm, n);
    if (!key) return VNULL;
    Value *k = tuple_items(key);
    int64_t j = 0;
    for (int i = 0; i < nargs; i++) k[j++] = args[i];
    if (nk) {
        k[j++] = kwd_mark;
        for (int i = 0; i < nk; i++) {
            k[j++] = tuple_items(kwnames)[i];
            k[j++] = args[nargs + i];
        }
    }
    if (c->typed) {
        for (int i = 0; i < nargs; i++) k[j++] = v_from_ptr(v_type(args[i]));
        for (int i = 0; i < nk; i++) k[j++] = v_from_ptr(v_type(args[nargs + i]));
    }
    return key;
}

static void link_unlink(VM *vm, LruLink *l) {
    LruLink *p = AS(LruLink, RD(vm, l, l->prev)), *n = AS(LruLink, RD(vm, l, l->next));
    WR(vm, p, p->next, v_from_ptr(n));
    WR(vm, n, n->prev, v_from_ptr(p));
}

/* Put l just before the root: the most recently used position. */
static void link_append(VM *vm, LruLink *root, LruLink *l) {
    LruLink *last = AS(LruLink, RD(vm, root, root->prev));
    WR(vm, last, last->next, v_from_ptr(l));
    WR(vm, root, root->prev, v_from_ptr(l));
    WR(vm, l, l->prev, v_from_ptr(last));
    WR(vm, l, l->next, v_from_ptr(root));
}

static Value lru_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    LruCache *c = AS(LruCache, self);
    if (c->maxsize == 0) {
        WRW(vm, c, c->misses, RDW(vm, c, c->misses) + 1);
        return vm_call(vm, c->func, args, nargs, kwnames);
    }
    ROOTS_MARK(vm);
    Value key = lru_make_key(vm, c, args, nargs, kwnames);
    if (!key) return VNULL;
    ROOT_PUSH(vm, key);
    bool err = false;
    Value cache = RD(vm, c, c->cache);
    Value hit = dict_get(vm, cache, key, &err);
    if (err) { ROOTS_RESET(vm); return VNULL; }
    if (hit) {
        WRW(vm, c, c->hits, RDW(vm, c, c->hits) + 1);
        ROOTS_RESET(vm);
        if (c->maxsize < 0) return hit;
        LruLink *l = AS(LruLink, hit);
        link_unlink(vm, l);
        link_append(vm, AS(LruLink, c->root), l);
        return RD(vm, l, l->result);
    }
    WRW(vm, c, c->misses, RDW(vm, c, c->misses) + 1);
    Value result = vm_call(vm, c->func, args, nargs, kwnames);
    if (!result) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, result);
    cache = RD(vm, c, c->cache);          /* cache_clear() may have run meanwhile */
    if (c->maxsize < 0) {
        int r = dict_set(vm, cache, key, result);
        ROOTS_RESET(vm);
        return r < 0 ? VNULL : result;
    }
    /* the call may have cached this key itself (recursion): keep that entry */
    Value again = dict_get(vm, cache, key, &err);
    if (err) { ROOTS_RESET(vm); return VNULL; }
    if (again) { ROOTS_RESET(vm); return result; }
    LruLink *root = AS(LruLink, c->root);
    if (dict_len(vm, cache) >= c->maxsize) {
        /* full: recycle the least recently used link */
        LruLink *old = AS(LruLink, RD(vm, root, root->next));
        ROOT_PUSH(vm, v_from_ptr(old));
        Value oldkey = RD(vm, old, old->key);
        link_unlink(vm, old);
        if (dict_del(vm, cache, oldkey) < 0) { ROOTS_RESET(vm); return VNULL; }
        WR(vm, old, old->key, key);
        WR(vm, old, old->result, result);
        link_append(vm, root, old);
        int r = dict_set(vm, cache, key, v_from_ptr(old));
        ROOTS_RESET(vm);
        return r < 0 ? VNULL : result;
    }
    LruLink *l = gc_alloc(vm, &type_lru_link, sizeof(LruLink));
    if (!l) { ROOTS_RESET(vm); return VNULL; }
    l->key = key;
    l->result = result;
    ROOT_PUSH(vm, v_from_ptr(l));
    int r = dict_set(vm, cache, key, v_from_ptr(l));
    if (r >= 0) link_append(vm, root, l);
    ROOTS_RESET(vm);
    return r < 0 ? VNULL : result;
}

/* _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type) */
F(f_lru_cache_wrapper) {
    (void)kw;
    (void)nargs;
    Value fn = args[0];
    if (!vm_callable(fn)) return vm_raise(vm, &exc_TypeError, "the first argument must be callable");
    int64_t maxsize = -1;
    if (args[1] != V_NONE) {
        if (!vm_index_i64(vm, args[1], &maxsize, &exc_OverflowError)) return VNULL;
        if (maxsize < 0) maxsize = 0;
    }
    int typed = vm_truthy(vm, args[2]);
    if (typed < 0) return VNULL;
    ROOTS_MARK(vm);
    Value cache = dict_new(vm);
    if (!cache) return VNULL;
    ROOT_PUSH(vm, cache);
    LruLink *root = gc_alloc(vm, &type_lru_link, sizeof(LruLink));
    if (!root) { ROOTS_RESET(vm); return VNULL; }
    root->prev = root->next = v_from_ptr(root);
    ROOT_PUSH(vm, v_from_ptr(root));
    Value o = instance_alloc(vm, &type_lru_cache);
    ROOTS_RESET(vm);
    if (!o) return VNULL;
    LruCache *c = AS(LruCache, o);
    c->func = fn;
    c->cache = cache;
    c->root = v_from_ptr(root);
    c->info_type = args[3];
    c->maxsize = maxsize;
    c->typed = typed;
    return o;
}

F(m_cache_info) {
    (void)nargs; (void)kw;
    LruCache *c = AS(LruCache, args[0]);
    Value a[4] = {int_from_i64(vm, RDW(vm, c, c->hits)), int_from_i64(vm, RDW(vm, c, c->misses)),
                  c->maxsize < 0 ? V_NONE : int_from_i64(vm, c->maxsize),
                  int_from_i64(vm, dict_len(vm, RD(vm, c, c->cache)))};
    return vm_call(vm, c->info_type, a, 4, VNULL);
}

F(m_cache_clear) {
    (void)nargs; (void)kw;
    LruCache *c = AS(LruCache, args[0]);
    Value d = dict_new(vm);
    if (!d) return VNULL;
    /* a fresh dict and an empty ring: the old links become garbage */
    LruLink *root = AS(LruLink, c->root);
    WR(vm, root, root->prev, v_from_ptr(root));
    WR(vm, root, root->next, v_from_ptr(root));
    WR(vm, c, c->cache, d);
    WRW(vm, c, c->hits, 0);
    WRW(vm, c, c->misses, 0);
    return V_NONE;
}

static Value lru_descr_get(VM *vm, Value self, Value obj, Value type) {
    (void)type;
    if (!obj || obj == V_NONE) return self;
    return method_new(vm, self, obj);
}

F(m_lru_copy) { (void)vm; (void)nargs; (void)kw; return args[0]; }

F(m_lru_reduce) {
    (void)nargs; (void)kw;
    return vm_getattr_cstr(vm, args[0], "__qualname__");
}


static const GetSetDef partial_getsets[] = {
    {"func", pg_func, NULL, NULL}, {"args", pg_args, NULL, NULL}, {"keywords", pg_keywords, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};
static const MethodDef partial_methods[] = {
    {"__class_getitem__", m_partial_class_getitem, 2, 2, MF_CLASS, NULL},
    {"__reduce__", m_partial_reduce, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef keywrapper_getsets[] = {
    {"obj", kg_obj, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};
static const MethodDef lru_methods[] = {
    {"cache_info", m_cache_info, 1, 1, 0, NULL},
    {"cache_clear", m_cache_clear, 1, 1, 0, NULL},
    {"__copy__", m_lru_copy, 1, 1, 0, NULL},
    {"__deepcopy__", m_lru_copy, 2, 2, 0, NULL},
    {"__reduce__", m_lru_reduce, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const MethodDef functools_defs[] = {
    {"reduce", f_reduce, 0, -1, 0, NULL},
    {"_lru_cache_wrapper", f_lru_cache_wrapper, 4, 4, 0, NULL},
    {"cmp_to_key", f_cmp_to_key, 0, 1, MF_KW, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
#define PARTIAL_ATTR_OFFSET ((sizeof(Partial) + 7) & ~(size_t)7)
static Type type_partial = {
    .base = STATIC_HDR, .name = "functools.partial", .basicsize = sizeof(Partial),
    .flags = TF_BASETYPE | TF_HAS_ATTRS, .attr_offset = PARTIAL_ATTR_OFFSET, .inline_slots = 2,
    .trace = partial_trace, .tp_new = partial_new,
    .tp_call = partial_call, .tp_repr = partial_repr,
};
#define LRU_ATTR_OFFSET ((sizeof(LruCache) + 7) & ~(size_t)7)
static Type type_lru_cache = {
    .base = STATIC_HDR, .name = "functools._lru_cache_wrapper", .basicsize = sizeof(LruCache),
    .flags = TF_HAS_ATTRS, .attr_offset = LRU_ATTR_OFFSET, .inline_slots = 6,
    .trace = lru_trace, .tp_call = lru_call, .tp_descr_get = lru_descr_get,
};
static Type type_lru_link = { .base = STATIC_HDR, .name = "functools._lru_list_elem", .basicsize = sizeof(LruLink),
                       .trace = lrulink_trace };
static Type type_keywrapper = {
    .base = STATIC_HDR, .name = "functools.KeyWrapper", .basicsize = sizeof(KeyWrapper),
    .trace = keywrapper_trace, .tp_call = keywrapper_call, .tp_richcompare = keywrapper_richcompare,
};

static void ready_named(VM *vm, Type *t, const MethodDef *methods, const GetSetDef *getsets) {
    type_ready(t);
    if (methods) type_add_methods(t, methods);
    if (getsets) type_add_getsets(t, getsets);
    const char *dot = strrchr(t->name, '.');
    t->v_name = str_intern_cstr(vm, dot + 1);
    t->v_qualname = t->v_name;
    t->v_module = str_intern_cstr(vm, "functools");
}

Value mod_functools_init(VM *vm) {
    if (!type_partial.dict) {
        ready_named(vm, &type_partial, partial_methods, partial_getsets);
        ready_named(vm, &type_keywrapper, NULL, keywrapper_getsets);
        type_set_attr_static(&type_keywrapper, "__hash__", V_NONE);
        ready_named(vm, &type_lru_cache, lru_methods, NULL);
        ready_named(vm, &type_lru_link, NULL, NULL);
        kwd_mark = v_from_ptr(gc_alloc(vm, &type_object, sizeof(Obj)));
        gc_add_root(&kwd_mark);
    }
    Value m = vm_new_module(vm, "_functools");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = functools_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "partial", v_from_ptr(&type_partial));
    dict_set_cstr(vm, d, "KeyWrapper", v_from_ptr(&type_keywrapper));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
