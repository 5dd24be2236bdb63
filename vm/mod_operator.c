/* mod_operator.c - the _operator module: the operators as functions (add,
 * lt, getitem, iadd, ...) and the itemgetter, attrgetter and methodcaller
 * callables.  lib/operator.py re-exports everything and adds the dunder
 * aliases.
 *
 * The three callable types are immutable once created (their fields are
 * written only before the object is published), so they are read without
 * barriers.  They are not descriptors: stored in a class they do not bind,
 * which is what namedtuple's field properties rely on.
 */
#include "vm.h"
#include <string.h>

#define F(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

/* ---- operator functions ---- */
#define BINOP(pyname, op) F(o_##pyname) { UNUSED; return vm_binop(vm, op, args[0], args[1]); }
BINOP(add, NB_ADD)
BINOP(sub, NB_SUB)
BINOP(mul, NB_MUL)
BINOP(matmul, NB_MATMUL)
BINOP(truediv, NB_TRUEDIV)
BINOP(floordiv, NB_FLOORDIV)
BINOP(mod, NB_MOD)
BINOP(pow, NB_POW)
BINOP(lshift, NB_LSHIFT)
BINOP(rshift, NB_RSHIFT)
BINOP(and_, NB_AND)
BINOP(or_, NB_OR)
BINOP(xor, NB_XOR)

#define IBINOP(pyname, op) F(o_##pyname) { UNUSED; return vm_inplace_op(vm, op, args[0], args[1]); }
IBINOP(iadd, NB_ADD)
IBINOP(isub, NB_SUB)
IBINOP(imul, NB_MUL)
IBINOP(imatmul, NB_MATMUL)
IBINOP(itruediv, NB_TRUEDIV)
IBINOP(ifloordiv, NB_FLOORDIV)
IBINOP(imod, NB_MOD)
IBINOP(ipow, NB_POW)
IBINOP(ilshift, NB_LSHIFT)
IBINOP(irshift, NB_RSHIFT)
IBINOP(iand, NB_AND)
IBINOP(ior, NB_OR)
IBINOP(ixor, NB_XOR)

#define CMPOP(pyname, op) F(o_##pyname) { UNUSED; return vm_richcompare(vm, args[0], args[1], op); }
CMPOP(lt, CMP_LT_OP)
CMPOP(le, CMP_LE_OP)
CMPOP(eq, CMP_EQ_OP)
CMPOP(ne, CMP_NE_OP)
CMPOP(gt, CMP_GT_OP)
CMPOP(ge, CMP_GE_OP)

F(o_neg) { UNUSED; return vm_neg(vm, args[0]); }
F(o_pos) { UNUSED; return vm_pos(vm, args[0]); }
F(o_abs) { UNUSED; return vm_abs(vm, args[0]); }
F(o_invert) { UNUSED; return vm_invert(vm, args[0]); }
F(o_not) { UNUSED; return vm_not(vm, args[0]); }
F(o_index) { UNUSED; return vm_index(vm, args[0]); }
F(o_is) { UNUSED; (void)vm; return v_bool(args[0] == args[1]); }
F(o_is_not) { UNUSED; (void)vm; return v_bool(args[0] != args[1]); }

F(o_truth) {
    UNUSED;
    int r = vm_truthy(vm, args[0]);
    return r < 0 ? VNULL : v_bool(r);
}

F(o_contains) {
    UNUSED;
    int r = vm_contains(vm, args[0], args[1]);
    return r < 0 ? VNULL : v_bool(r);
}

F(o_getitem) { UNUSED; return vm_getitem(vm, args[0], args[1]); }
F(o_setitem) { UNUSED; return vm_setitem(vm, args[0], args[1], args[2]) < 0 ? VNULL : V_NONE; }
F(o_delitem) { UNUSED; return vm_delitem(vm, args[0], args[1]) < 0 ? VNULL : V_NONE; }

static bool is_sequence(VM *vm, Value v) {
    if (IS_TUPLE(v) || IS_LIST(v) || IS_STR(v)) return true;
    Value g = vm_lookup_special(vm, v, NM(__getitem__));
    return g != VNULL;
}

F(o_concat) {
    UNUSED;
    if (!is_sequence(vm, args[0])) {
        if (vm->exc) return VNULL;
        return vm_raise(vm, &exc_TypeError, "'%s' object can't be concatenated", v_type(args[0])->name);
    }
    return vm_binop(vm, NB_ADD, args[0], args[1]);
}

F(o_iconcat) {
    UNUSED;
    if (!is_sequence(vm, args[0])) {
        if (vm->exc) return VNULL;
        return vm_raise(vm, &exc_TypeError, "'%s' object can't be concatenated", v_type(args[0])->name);
    }
    return vm_inplace_op(vm, NB_ADD, args[0], args[1]);
}

/* countOf / indexOf: identity or equality while iterating */
static Value seq_search(VM *vm, Value seq, Value x, bool count) {
    Value it = vm_iter(vm, seq);
    if (!it) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    int64_t i = 0, n = 0;
    Value y;
    while ((y = vm_next(vm, it))) {
        int r = y == x ? 1 : vm_eq(vm, y, x);
        if (r < 0) { ROOTS_RESET(vm); return VNULL; }
        if (r) {
            if (!count) { ROOTS_RESET(vm); return int_from_i64(vm, i); }
            n++;
        }
        i++;
    }
    ROOTS_RESET(vm);
    if (vm->exc) return VNULL;
    if (count) return int_from_i64(vm, n);
    return vm_raise(vm, &exc_ValueError, "sequence.index(x): x not in sequence");
}

F(o_countOf) { UNUSED; return seq_search(vm, args[0], args[1], true); }
F(o_indexOf) { UNUSED; return seq_search(vm, args[0], args[1], false); }

F(o_length_hint) {
    UNUSED;
    int64_t dflt = 0;
    if (nargs > 1) {
        if (!v_is_intlike(args[1]))
            return vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(args[1])->name);
        if (!vm_index_i64(vm, args[1], &dflt, NULL)) return VNULL;
    }
    int64_t n = vm_length_hint(vm, args[0], dflt);
    if (n < 0) {
        if (vm->exc) return VNULL;
        return vm_raise(vm, &exc_ValueError, "__length_hint__() should return >= 0");
    }
    return int_from_i64(vm, n);
}

F(o_call) {
    (void)nargs;
    return vm_call(vm, args[0], args + 1, nargs - 1, kw);
}

/* ---- itemgetter / attrgetter / methodcaller ---- */
typedef struct Getter {
    Obj hdr;
    Value items;                /* tuple: keys / attribute paths (tuples of names) / call args */
    Value name;                 /* methodcaller: method name */
    Value kwargs;               /* methodcaller: dict or VNULL */
    int64_t single;             /* itemgetter/attrgetter: one item (return it, not a tuple) */
} Getter;

static Type type_itemgetter, type_attrgetter, type_methodcaller;

static void getter_trace(GcTracer *g, Obj *o) {
    Getter *x = (Getter *)o;
    gc_mark_value(g, x->items);
    gc_mark_value(g, x->name);
    gc_mark_value(g, x->kwargs);
}

static Value getter_alloc(VM *vm, Type *t, Value items) {
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, items);
    Getter *g = gc_alloc(vm, t, sizeof(Getter));
    ROOTS_RESET(vm);
    if (!g) return VNULL;
    g->items = items;
    g->single = tuple_len(items) == 1;
    return v_from_ptr(g);
}

static Value itemgetter_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!vm_no_kwargs(vm, "itemgetter", kwnames)) return VNULL;
    if (nargs < 1) return vm_raise(vm, &exc_TypeError, "itemgetter expected 1 argument, got 0");
    Value items = tuple_from_array(vm, args, nargs);
    if (!items) return VNULL;
    return getter_alloc(vm, t, items);
}

static Value itemgetter_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (!vm_no_kwargs(vm, "itemgetter", kwnames)) return VNULL;
    if (nargs != 1) return vm_raise(vm, &exc_TypeError, "itemgetter expected 1 argument, got %d", nargs);
    Getter *g = AS(Getter, self);
    Value obj = args[0];
    if (g->single) return vm_getitem(vm, obj, tuple_items(g->items)[0]);
    int64_t n = tuple_len(g->items);
    Value r = tuple_new(vm, n);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    for (int64_t i = 0; i < n; i++) {
        Value v = vm_getitem(vm, obj, tuple_items(g->items)[i]);
        if (!v) { ROOTS_RESET(vm); return VNULL; }
        tuple_items(r)[i] = v;
    }
    ROOTS_RESET(vm);
    return r;
}

/* "operator.NAME(" + repr of each item + ")" */
static Value getter_repr_items(VM *vm, Value self, const char *name, Value items, int64_t from) {
    int rr = vm_repr_enter(vm, self);
    if (rr < 0) return VNULL;
    if (rr > 0) return vm_format(vm, "operator.%s(...)", name);
    StrBuf sb = STRBUF_INIT;
    sb_puts(&sb, "operator.");
    sb_puts(&sb, name);
    sb_putc(&sb, '(');
    for (int64_t i = from; i < tuple_len(items); i++) {
        if (i > from) sb_puts(&sb, ", ");
        Value r = vm_repr(vm, tuple_items(items)[i]);
        if (!r) { sb_free(&sb); vm_repr_leave(vm, self); return VNULL; }
        sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    }
    vm_repr_leave(vm, self);
    sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static Value itemgetter_repr(VM *vm, Value self) {
    return getter_repr_items(vm, self, "itemgetter", AS(Getter, self)->items, 0);
}

/* attrgetter keeps each dotted name as a tuple of interned parts. */
static Value attrgetter_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (!vm_no_kwargs(vm, "attrgetter", kwnames)) return VNULL;
    if (nargs < 1) return vm_raise(vm, &exc_TypeError, "attrgetter expected 1 argument, got 0");
    Value items = tuple_new(vm, nargs);
    if (!items) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, items);
    for (int i = 0; i < nargs; i++) tuple_items(items)[i] = V_NONE;
    for (int i = 0; i < nargs; i++) {
        Value a = args[i];
        if (!IS_STR(a)) { ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "attribute name must be a string"); }
        const char *s = str_cstr(a);
        int64_t len = str_len(a), nparts = 1;
        for (int64_t k = 0; k < len; k++) nparts += s[k] == '.';
        Value parts = tuple_new(vm, nparts);
        if (!parts) { ROOTS_RESET(vm); return VNULL; }
        for (int64_t k = 0; k < nparts; k++) tuple_items(parts)[k] = V_NONE;
        tuple_items(items)[i] = parts;
        int64_t start = 0, p = 0;
        for (int64_t k = 0; k <= len; k++) {
            if (k < len && s[k] != '.') continue;
            Value part = str_new(vm, s + start, (size_t)(k - start));
            if (part) part = str_intern(vm, part);
            if (!part) { ROOTS_RESET(vm); return VNULL; }
            tuple_items(parts)[p++] = part;
            start = k + 1;
        }
    }
    Value r = getter_alloc(vm, t, items);
    if (r) AS(Getter, r)->name = tuple_from_array(vm, args, nargs);   /* the original strings, for repr */
    ROOTS_RESET(vm);
    if (r && !AS(Getter, r)->name) return VNULL;
    return r;
}

static Value dotted_getattr(VM *vm, Value obj, Value parts) {
    ROOTS_MARK(vm);
    for (int64_t i = 0; i < tuple_len(parts); i++) {
        obj = vm_getattr(vm, obj, tuple_items(parts)[i]);
        if (!obj) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, obj);
    }
    ROOTS_RESET(vm);
    return obj;
}

static Value attrgetter_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (!vm_no_kwargs(vm, "attrgetter", kwnames)) return VNULL;
    if (nargs != 1) return vm_raise(vm, &exc_TypeError, "attrgetter expected 1 argument, got %d", nargs);
    Getter *g = AS(Getter, self);
    if (g->single) return dotted_getattr(vm, args[0], tuple_items(g->items)[0]);
    int64_t n = tuple_len(g->items);
    Value r = tuple_new(vm, n);
    if (!r) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    for (int64_t i = 0; i < n; i++) tuple_items(r)[i] = V_NONE;
    for (int64_t i = 0; i < n; i++) {
        Value v = dotted_getattr(vm, args[0], tuple_items(g->items)[i]);
        if (!v) { ROOTS_RESET(vm); return VNULL; }
        tuple_items(r)[i] = v;
    }
    ROOTS_RESET(vm);
    return r;
}

static Value attrgetter_repr(VM *vm, Value self) {
    return getter_repr_items(vm, self, "attrgetter", AS(Getter, self)->name, 0);
}

/* methodcaller(name, /, *args, **kwargs): items = (name, *args) */
static Value methodcaller_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return vm_raise(vm, &exc_TypeError, "methodcaller needs at least one argument, the method name");
    if (!IS_STR(args[0])) return vm_raise(vm, &exc_TypeError, "method name must be a string");
    ROOTS_MARK(vm);
    Value name = str_intern(vm, args[0]);
    if (!name) return VNULL;
    ROOT_PUSH(vm, name);
    Value items = tuple_from_array(vm, args, nargs);
    if (!items) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, items);
    Value kwargs = VNULL;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    if (nk) {
        kwargs = dict_new(vm);
        if (!kwargs) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, kwargs);
        for (int k = 0; k < nk; k++)
            if (dict_set(vm, kwargs, tuple_items(kwnames)[k], args[nargs + k]) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    Value r = getter_alloc(vm, t, items);
    ROOTS_RESET(vm);
    if (!r) return VNULL;
    AS(Getter, r)->name = name;
    AS(Getter, r)->kwargs = kwargs;
    return r;
}

static Value methodcaller_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (!vm_no_kwargs(vm, "methodcaller", kwnames)) return VNULL;
    if (nargs != 1) return vm_raise(vm, &exc_TypeError, "methodcaller expected 1 argument, got %d", nargs);
    Getter *g = AS(Getter, self);
    Value m = vm_getattr(vm, args[0], g->name);
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value rest = tuple_from_array(vm, tuple_items(g->items) + 1, tuple_len(g->items) - 1);
    if (!rest) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, rest);
    Value r = vm_call_tuple_dict(vm, m, rest, g->kwargs ? g->kwargs : VNULL);
    ROOTS_RESET(vm);
    return r;
}

static Value methodcaller_repr(VM *vm, Value self) {
    Getter *g = AS(Getter, self);
    int rr = vm_repr_enter(vm, self);
    if (rr < 0) return VNULL;
    if (rr > 0) return str_from_cstr(vm, "operator.methodcaller(...)");
    StrBuf sb = STRBUF_INIT;
    sb_puts(&sb, "operator.methodcaller(");
    bool ok = true;
    for (int64_t i = 0; ok && i < tuple_len(g->items); i++) {
        if (i) sb_puts(&sb, ", ");
        Value r = vm_repr(vm, tuple_items(g->items)[i]);
        if (!r) ok = false;
        else sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    }
    int64_t pos = 0;
    Value k, v;
    while (ok && g->kwargs && dict_next(vm, g->kwargs, &pos, &k, &v)) {
        sb_puts(&sb, ", ");
        sb_append(&sb, str_cstr(k), (size_t)str_len(k));
        sb_putc(&sb, '=');
        Value r = vm_repr(vm, v);
        if (!r) ok = false;
        else sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    }
    vm_repr_leave(vm, self);
    if (!ok) { sb_free(&sb); return VNULL; }
    sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static const MethodDef operator_defs[] = {
    {"add", o_add, 2, 2, 0, NULL}, {"sub", o_sub, 2, 2, 0, NULL}, {"mul", o_mul, 2, 2, 0, NULL},
    {"matmul", o_matmul, 2, 2, 0, NULL}, {"truediv", o_truediv, 2, 2, 0, NULL},
    {"floordiv", o_floordiv, 2, 2, 0, NULL}, {"mod", o_mod, 2, 2, 0, NULL}, {"pow", o_pow, 2, 2, 0, NULL},
    {"lshift", o_lshift, 2, 2, 0, NULL}, {"rshift", o_rshift, 2, 2, 0, NULL}, {"and_", o_and_, 2, 2, 0, NULL},
    {"or_", o_or_, 2, 2, 0, NULL}, {"xor", o_xor, 2, 2, 0, NULL},
    {"iadd", o_iadd, 2, 2, 0, NULL}, {"isub", o_isub, 2, 2, 0, NULL}, {"imul", o_imul, 2, 2, 0, NULL},
    {"imatmul", o_imatmul, 2, 2, 0, NULL}, {"itruediv", o_itruediv, 2, 2, 0, NULL},
    {"ifloordiv", o_ifloordiv, 2, 2, 0, NULL}, {"imod", o_imod, 2, 2, 0, NULL}, {"ipow", o_ipow, 2, 2, 0, NULL},
    {"ilshift", o_ilshift, 2, 2, 0, NULL}, {"irshift", o_irshift, 2, 2, 0, NULL},
    {"iand", o_iand, 2, 2, 0, NULL}, {"ior", o_ior, 2, 2, 0, NULL}, {"ixor", o_ixor, 2, 2, 0, NULL},
    {"lt", o_lt, 2, 2, 0, NULL}, {"le", o_le, 2, 2, 0, NULL}, {"eq", o_eq, 2, 2, 0, NULL},
    {"ne", o_ne, 2, 2, 0, NULL}, {"gt", o_gt, 2, 2, 0, NULL}, {"ge", o_ge, 2, 2, 0, NULL},
    {"neg", o_neg, 1, 1, 0, NULL}, {"pos", o_pos, 1, 1, 0, NULL}, {"abs", o_abs, 1, 1, 0, NULL},
    {"invert", o_invert, 1, 1, 0, NULL}, {"inv", o_invert, 1, 1, 0, NULL}, {"not_", o_not, 1, 1, 0, NULL},
    {"truth", o_truth, 1, 1, 0, NULL}, {"index", o_index, 1, 1, 0, NULL},
    {"is_", o_is, 2, 2, 0, NULL}, {"is_not", o_is_not, 2, 2, 0, NULL},
    {"contains", o_contains, 2, 2, 0, NULL}, {"countOf", o_countOf, 2, 2, 0, NULL},
    {"indexOf", o_indexOf, 2, 2, 0, NULL}, {"getitem", o_getitem, 2, 2, 0, NULL},
    {"setitem", o_setitem, 3, 3, 0, NULL}, {"delitem", o_delitem, 2, 2, 0, NULL},
    {"concat", o_concat, 2, 2, 0, NULL}, {"iconcat", o_iconcat, 2, 2, 0, NULL},
    {"length_hint", o_length_hint, 1, 2, 0, NULL}, {"call", o_call, 1, -1, MF_KW, NULL},
    {"_abs", o_abs, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
static Type type_itemgetter = { .base = STATIC_HDR, .name = "operator.itemgetter", .basicsize = sizeof(Getter),
                         .trace = getter_trace, .tp_new = itemgetter_new, .tp_call = itemgetter_call,
                         .tp_repr = itemgetter_repr };
static Type type_attrgetter = { .base = STATIC_HDR, .name = "operator.attrgetter", .basicsize = sizeof(Getter),
                         .trace = getter_trace, .tp_new = attrgetter_new, .tp_call = attrgetter_call,
                         .tp_repr = attrgetter_repr };
static Type type_methodcaller = { .base = STATIC_HDR, .name = "operator.methodcaller", .basicsize = sizeof(Getter),
                           .trace = getter_trace, .tp_new = methodcaller_new, .tp_call = methodcaller_call,
                           .tp_repr = methodcaller_repr };

static void ready_named(VM *vm, Type *t) {
    if (t->dict) return;
    type_ready(t);
    const char *dot = strrchr(t->name, '.');
    t->v_name = str_intern_cstr(vm, dot + 1);
    t->v_qualname = t->v_name;
    t->v_module = str_intern(vm, str_new(vm, t->name, (size_t)(dot - t->name)));
}

Value mod_operator_init(VM *vm) {
    ready_named(vm, &type_itemgetter);
    ready_named(vm, &type_attrgetter);
    ready_named(vm, &type_methodcaller);
    Value m = vm_new_module(vm, "_operator");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = operator_defs; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "itemgetter", v_from_ptr(&type_itemgetter));
    dict_set_cstr(vm, d, "attrgetter", v_from_ptr(&type_attrgetter));
    dict_set_cstr(vm, d, "methodcaller", v_from_ptr(&type_methodcaller));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
