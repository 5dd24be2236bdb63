/* abstract.c - the generic object protocols (CPython's abstract.c and the
 * protocol parts of object.c): repr/str/hash, rich comparison, truth,
 * attributes, items, containment, length, iteration, arithmetic dispatch
 * with reflected operands, calls, isinstance/issubclass, dir, and helpers
 * to unpack iterables.  Fast paths for the common built-in types come
 * first; everything else goes through the type slots.
 */
#include "vm.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const binop_syms[NB_COUNT] = {"+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^"};
static const char *const ibinop_syms[NB_COUNT] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="};
static const char *const cmp_syms[6] = {"<", "<=", "==", "!=", ">", ">="};

const char *cmp_op_symbol(int op) { return cmp_syms[op]; }
const char *binop_symbol(int op) { return op >= NB_INPLACE ? ibinop_syms[op - NB_INPLACE] : binop_syms[op]; }

/* C-level recursion guard for protocols that recurse through user data. */
static bool enter_recursive(VM *vm, const char *where) {
    if (++vm->c_depth + vm->depth > G->recursion_limit + 50 || vm_stack_exhausted(vm)) {
        vm->c_depth--;
        vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    return true;
}
static inline void leave_recursive(VM *vm) { vm->c_depth--; }

/* ---- repr recursion guard (per thread) ---- */
int vm_repr_enter(VM *vm, Value v) {
    if (!vm->tls_repr) {
        vm->tls_repr = list_new(vm, 0);
        if (!vm->tls_repr) return -1;
    }
    int64_t n = list_len(vm, vm->tls_repr);
    for (int64_t i = 0; i < n; i++)
        if (list_get(vm, vm->tls_repr, i) == v) return 1;
    return list_append(vm, vm->tls_repr, v) ? 0 : -1;
}

void vm_repr_leave(VM *vm, Value v) {
    if (!vm->tls_repr) return;
    int64_t n = list_len(vm, vm->tls_repr);
    for (int64_t i = n - 1; i >= 0; i--) {
        if (list_get(vm, vm->tls_repr, i) == v) {
            Value last = list_get(vm, vm->tls_repr, n - 1);
            list_set(vm, vm->tls_repr, i, last);
            AS(List, vm->tls_repr)->size = (uint64_t)(n - 1);
            WRW(vm, AS(List, vm->tls_repr), AS(List, vm->tls_repr)->size, n - 1);
            return;
        }
    }
}

/* ---- repr / str / hash ---- */
Value vm_repr(VM *vm, Value v) {
    if (v_is_int(v)) return int_to_str(vm, v, 10);
    if (v_is_float(v)) return float_repr(vm, v_float(v));
    Type *t = OBJ(v)->type;
    if (t == &type_str) return str_repr(vm, v);
    if (!enter_recursive(vm, " while getting the repr of an object")) return VNULL;
    Value r = t->tp_repr(vm, v);
    leave_recursive(vm);
    if (r && !IS_STR(r)) return vm_raise(vm, &exc_TypeError, "__repr__ returned non-string (type %s)", v_type(r)->name);
    return r;
}

Value vm_str(VM *vm, Value v) {
    if (v_is_int(v)) return int_to_str(vm, v, 10);
    if (v_is_float(v)) return float_repr(vm, v_float(v));
    Type *t = OBJ(v)->type;
    if (t == &type_str) return v;
    UnaryFn f = t->tp_str ? t->tp_str : t->tp_repr;
    if (!enter_recursive(vm, " while getting the str of an object")) return VNULL;
    Value r = f(vm, v);
    leave_recursive(vm);
    if (r && !IS_STR(r)) return vm_raise(vm, &exc_TypeError, "__str__ returned non-string (type %s)", v_type(r)->name);
    return r;
}

/* How error messages name a callable, as CPython's _PyObject_FunctionStr:
 * "module.qualname()" ("qualname()" for builtins), else str(f). */
Value vm_function_str(VM *vm, Value f) {
    bool err;
    Value qn = vm_getattr_opt(vm, f, NM(__qualname__), &err);
    if (err) vm_exc_clear(vm);
    if (!qn || !IS_STR(qn)) return vm_str(vm, f);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, qn);
    Value mod = vm_getattr_opt(vm, f, NM(__module__), &err);
    if (err) vm_exc_clear(vm);
    StrBuf sb = STRBUF_INIT;
    if (mod && IS_STR(mod) && strcmp(str_cstr(mod), "builtins")) {
        sb_append(&sb, str_cstr(mod), (size_t)str_len(mod));
        sb_putc(&sb, '.');
    }
    sb_append(&sb, str_cstr(qn), (size_t)str_len(qn));
    sb_append(&sb, "()", 2);
    ROOTS_RESET(vm);
    if (sb.oom) { sb_free(&sb); return vm_raise_nomem(vm); }
    return str_from_sb(vm, &sb);
}

Value vm_ascii(VM *vm, Value v) {
    Value r = vm_repr(vm, v);
    if (!r) return VNULL;
    Str *s = AS(Str, r);
    if (s->len == s->nchars) return r;
    StrBuf sb = STRBUF_INIT;
    for (int64_t i = 0; i < s->len;) {
        int l;
        uint32_t c = utf8_decode_at(s->data + i, &l);
        char buf[16];
        if (c < 0x80) sb_putc(&sb, (char)c);
        else if (c <= 0xFF) { snprintf(buf, sizeof buf, "\\x%02x", c); sb_puts(&sb, buf); }
        else if (c <= 0xFFFF) { snprintf(buf, sizeof buf, "\\u%04x", c); sb_puts(&sb, buf); }
        else { snprintf(buf, sizeof buf, "\\U%08x", c); sb_puts(&sb, buf); }
        i += l;
    }
    return str_from_sb(vm, &sb);
}

int64_t vm_hash(VM *vm, Value v) {
    if (v_is_int(v)) return int_hash(v);
    if (v_is_float(v)) return float_hash(v_float(v));
    Type *t = OBJ(v)->type;
    if (t == &type_str) return str_hash(v);
    if (!t->tp_hash) {
        vm_raise(vm, &exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    Value hv = type_lookup(vm, t, NM(__hash__));
    if (hv == V_NONE) {
        vm_raise(vm, &exc_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->tp_hash(vm, v);
}

/* ---- comparison ---- */
static Value compare_error(VM *vm, Value a, Value b, int op) {
    return vm_raise(vm, &exc_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_syms[op],
                    v_type(a)->name, v_type(b)->name);
}

static const int swapped_op[6] = {CMP_GT_OP, CMP_GE_OP, CMP_EQ_OP, CMP_NE_OP, CMP_LT_OP, CMP_LE_OP};

Value vm_richcompare(VM *vm, Value a, Value b, int op) {
    if (v_both_int(a, b)) {
        int64_t x = v_int(a), y = v_int(b);
        switch (op) {
        case CMP_LT_OP: return v_bool(x < y);
        case CMP_LE_OP: return v_bool(x <= y);
        case CMP_EQ_OP: return v_bool(x == y);
        case CMP_NE_OP: return v_bool(x != y);
        case CMP_GT_OP: return v_bool(x > y);
        default: return v_bool(x >= y);
        }
    }
    Type *ta = v_type(a), *tb = v_type(b);
    bool checked_reverse = false;
    if (!enter_recursive(vm, " in comparison")) return VNULL;
    Value r;
    if (ta != tb && type_is_subtype(tb, ta) && tb->tp_richcompare) {
        checked_reverse = true;
        r = tb->tp_richcompare(vm, b, a, swapped_op[op]);
        if (r != V_NOTIMPL) goto done;
    }
    if (ta->tp_richcompare) {
        r = ta->tp_richcompare(vm, a, b, op);
        if (r != V_NOTIMPL) goto done;
    }
    if (!checked_reverse && tb->tp_richcompare) {
        r = tb->tp_richcompare(vm, b, a, swapped_op[op]);
        if (r != V_NOTIMPL) goto done;
    }
    if (op == CMP_EQ_OP) r = v_bool(a == b);
    else if (op == CMP_NE_OP) r = v_bool(a != b);
    else r = compare_error(vm, a, b, op);
done:
    leave_recursive(vm);
    return r;
}

int vm_compare_bool(VM *vm, Value a, Value b, int op) {
    if (v_both_int(a, b)) {
        int64_t x = v_int(a), y = v_int(b);
        switch (op) {
        case CMP_LT_OP: return x < y;
        case CMP_LE_OP: return x <= y;
        case CMP_EQ_OP: return x == y;
        case CMP_NE_OP: return x != y;
        case CMP_GT_OP: return x > y;
        default: return x >= y;
        }
    }
    Value r = vm_richcompare(vm, a, b, op);
    if (!r) return -1;
    if (r == V_TRUE) return 1;
    if (r == V_FALSE) return 0;
    return vm_truthy(vm, r);
}

Value v_box_nan(void) {
    static _Atomic uint64_t serial;
    uint64_t n = atomic_fetch_add_explicit(&serial, 1, memory_order_relaxed) + 1;
    return (V_CANON_NAN | (n & ((1ULL << 51) - 1))) + V_DOUBLE_OFFSET;
}

/* Equality as containers test it (CPython's PyObject_RichCompareBool):
 * identity implies equality, even for a NaN. */
int vm_eq(VM *vm, Value a, Value b) {
    if (a == b) return 1;
    if (v_both_int(a, b)) return 0;
    if (v_is_float(a) && v_is_float(b)) return v_float(a) == v_float(b);
    if (IS_EXACT_STR(a) && IS_EXACT_STR(b)) return str_eq(a, b);
    return vm_compare_bool(vm, a, b, CMP_EQ_OP);
}

/* ---- truth ---- */
int vm_truthy(VM *vm, Value v) {
    if (v == V_TRUE) return 1;
    if (v == V_FALSE || v == V_NONE) return 0;
    if (v_is_int(v)) return v_int(v) != 0;
    if (v_is_float(v)) return v_float(v) != 0.0;
    Type *t = OBJ(v)->type;
    if (t->tp_bool) return t->tp_bool(vm, v);
    if (t->tp_len) {
        int64_t n = t->tp_len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

Value vm_not(VM *vm, Value a) {
    int r = vm_truthy(vm, a);
    return r < 0 ? VNULL : v_bool(!r);
}

/* ---- attributes ---- */
Value vm_getattr(VM *vm, Value obj, Value name) {
    Type *t = v_type(obj);
    if (!t->tp_getattro) return vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    return t->tp_getattro(vm, obj, name);
}

Value vm_getattr_cstr(VM *vm, Value obj, const char *name) {
    Value n = str_intern_cstr(vm, name);
    if (!n) return VNULL;
    return vm_getattr(vm, obj, n);
}

Value vm_getattr_opt(VM *vm, Value obj, Value name, bool *err) {
    *err = false;
    Type *t = v_type(obj);
    if (t->tp_getattro == type_object.tp_getattro) return generic_getattr_noraise(vm, obj, name, err);
    Value r = vm_getattr(vm, obj, name);
    if (!r) {
        if (vm_exc_matches(vm, &exc_AttributeError)) vm_exc_clear(vm);
        else *err = true;
    }
    return r;
}

int vm_setattr(VM *vm, Value obj, Value name, Value v) {
    Type *t = v_type(obj);
    if (!t->tp_setattro) {
        bool has = type_lookup(vm, t, name) != VNULL;
        if (has) vm_raise(vm, &exc_AttributeError, "'%s' object attribute '%U' is read-only", t->name, name);
        else vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
        return -1;
    }
    return t->tp_setattro(vm, obj, name, v);
}

int vm_delattr(VM *vm, Value obj, Value name) { return vm_setattr(vm, obj, name, VNULL); }

/* ---- generic alias: list[int] and friends ---- */
typedef struct GenericAlias {
    Obj hdr;
    Value origin, args;
} GenericAlias;
Type type_generic_alias;

static void ga_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((GenericAlias *)o)->origin);
    gc_mark_value(g, ((GenericAlias *)o)->args);
}

static Value ga_repr_item(VM *vm, Value v) {
    if (IS_TYPE(v)) {
        Type *t = AS(Type, v);
        Value mod = (t->base.flags & OBJ_STATIC) ? VNULL : t->v_module;
        if (mod && IS_STR(mod) && strcmp(str_cstr(mod), "builtins")) return vm_format(vm, "%U.%U", mod, t->v_qualname);
        return t->v_qualname;
    }
    if (v == V_ELLIPSIS) return str_from_cstr(vm, "...");
    return vm_repr(vm, v);
}

static Value ga_repr(VM *vm, Value self) {
    GenericAlias *g = AS(GenericAlias, self);
    StrBuf sb = STRBUF_INIT;
    Value o = ga_repr_item(vm, g->origin);
    if (!o) return VNULL;
    sb_append(&sb, str_cstr(o), (size_t)str_len(o));
    sb_putc(&sb, '[');
    for (int64_t i = 0; i < tuple_len(g->args); i++) {
        if (i) sb_puts(&sb, ", ");
        Value r = ga_repr_item(vm, tuple_items(g->args)[i]);
        if (!r) { sb_free(&sb); return VNULL; }
        sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    }
    if (tuple_len(g->args) == 0) sb_puts(&sb, "()");
    sb_putc(&sb, ']');
    return str_from_sb(vm, &sb);
}

static Value ga_call(VM *vm, Value self, Value *args, int nargs, Value kw) {
    return vm_call(vm, AS(GenericAlias, self)->origin, args, nargs, kw);
}

static Value ga_getattro(VM *vm, Value obj, Value name) {
    GenericAlias *g = AS(GenericAlias, obj);
    const char *n = str_cstr(name);
    if (!strcmp(n, "__origin__")) return g->origin;
    if (!strcmp(n, "__args__")) return g->args;
    if (!strcmp(n, "__class__")) return v_from_ptr(&type_generic_alias);
    return vm_getattr(vm, g->origin, name);
}

static Value ga_richcompare(VM *vm, Value a, Value b, int op) {
    if (!v_is_type(b, &type_generic_alias) || (op != CMP_EQ_OP && op != CMP_NE_OP)) return V_NOTIMPL;
    int e1 = vm_eq(vm, AS(GenericAlias, a)->origin, AS(GenericAlias, b)->origin);
    if (e1 < 0) return VNULL;
    int e2 = e1 ? vm_eq(vm, AS(GenericAlias, a)->args, AS(GenericAlias, b)->args) : 0;
    if (e2 < 0) return VNULL;
    return v_bool(op == CMP_EQ_OP ? (e1 && e2) : !(e1 && e2));
}

Value generic_alias_new(VM *vm, Value origin, Value args) {
    ROOTS_MARK(vm);
    Value t = IS_TUPLE(args) ? args : tuple_pack(vm, 1, args);
    if (!t) return VNULL;
    ROOT_PUSH(vm, t);
    GenericAlias *g = gc_alloc(vm, &type_generic_alias, sizeof(GenericAlias));
    ROOTS_RESET(vm);
    if (!g) return VNULL;
    g->origin = origin;
    g->args = t;
    return v_from_ptr(g);
}

/* ---- items ---- */
Value vm_getitem(VM *vm, Value obj, Value key) {
    Type *t = v_type(obj);
    if (t->tp_getitem) return t->tp_getitem(vm, obj, key);
    if (IS_TYPE(obj)) {
        Type *ot = AS(Type, obj);
        Value cg = type_lookup(vm, ot, NM(__class_getitem__));
        if (cg) {
            DescrGetFn f = v_type(cg)->tp_descr_get;
            Value bound = f ? f(vm, cg, VNULL, obj) : cg;
            if (!bound) return VNULL;
            return vm_call1(vm, bound, key);
        }
        if (ot == &type_list || ot == &type_dict || ot == &type_tuple || ot == &type_set || ot == &type_frozenset ||
            ot == &type_type)
            return generic_alias_new(vm, obj, key);
        return vm_raise(vm, &exc_TypeError, "type '%s' is not subscriptable", ot->name);
    }
    return vm_raise(vm, &exc_TypeError, "'%s' object is not subscriptable", t->name);
}

int vm_setitem(VM *vm, Value obj, Value key, Value v) {
    Type *t = v_type(obj);
    if (t->tp_setitem) return t->tp_setitem(vm, obj, key, v);
    if (v) vm_raise(vm, &exc_TypeError, "'%s' object does not support item assignment", t->name);
    else vm_raise(vm, &exc_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int vm_delitem(VM *vm, Value obj, Value key) { return vm_setitem(vm, obj, key, VNULL); }

int vm_contains(VM *vm, Value container, Value item) {
    Type *t = v_type(container);
    if (t->tp_contains) return t->tp_contains(vm, container, item);
    Value it = vm_iter(vm, container);
    if (!it) {
        if (vm_exc_matches(vm, &exc_TypeError)) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "argument of type '%s' is not iterable", t->name);
        }
        return -1;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    Value x;
    while ((x = vm_next(vm, it))) {
        int r = vm_eq(vm, x, item);
        if (r) { ROOTS_RESET(vm); return r; }
    }
    ROOTS_RESET(vm);
    return vm->exc ? -1 : 0;
}

int64_t vm_len(VM *vm, Value v) {
    Type *t = v_type(v);
    if (t->tp_len) return t->tp_len(vm, v);
    vm_raise(vm, &exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

/* ---- iteration ---- */
typedef struct SeqIter {
    Obj hdr;
    Value seq;
    int64_t index;
} SeqIter;

typedef struct CallIter {
    Obj hdr;
    Value func, sentinel;
} CallIter;

static void seqiter_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((SeqIter *)o)->seq); }
static void calliter_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((CallIter *)o)->func);
    gc_mark_value(g, ((CallIter *)o)->sentinel);
}

/* Iterator state goes through the barriers (see list.c). */
static Value seqiter_next(VM *vm, Value self) {
    SeqIter *it = AS(SeqIter, self);
    Value seq = RD(vm, it, it->seq);
    if (!seq) return VNULL;
    int64_t i = RDW(vm, it, it->index);
    Value r = vm_getitem(vm, seq, v_from_small(i));
    if (!r) {
        if (vm_exc_matches(vm, &exc_IndexError) || vm_exc_matches(vm, &exc_StopIteration)) {
            vm_exc_clear(vm);
            WR(vm, it, it->seq, VNULL);
        }
        return VNULL;
    }
    WRW(vm, it, it->index, i + 1);
    return r;
}

static Value calliter_next(VM *vm, Value self) {
    CallIter *it = AS(CallIter, self);
    Value func = RD(vm, it, it->func);
    if (!func) return VNULL;
    Value r = vm_call0(vm, func);
    if (!r) {
        if (vm_exc_matches(vm, &exc_StopIteration)) {
            vm_exc_clear(vm);
            WR(vm, it, it->func, VNULL);
        }
        return VNULL;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, r);
    int e = vm_eq(vm, r, it->sentinel);
    ROOTS_RESET(vm);
    if (e < 0) return VNULL;
    if (e) {
        WR(vm, it, it->func, VNULL);
        return VNULL;
    }
    return r;
}

Value vm_callable_iter_new(VM *vm, Value f, Value sentinel) {
    CallIter *it = gc_alloc(vm, &type_callable_iter, sizeof(CallIter));
    if (!it) return VNULL;
    it->func = f;
    it->sentinel = sentinel;
    return v_from_ptr(it);
}

Value vm_iter(VM *vm, Value v) {
    Type *t = v_type(v);
    if (t->tp_iter) {
        Value it = t->tp_iter(vm, v);
        if (it && !v_type(it)->tp_iternext)
            return vm_raise(vm, &exc_TypeError, "iter() returned non-iterator of type '%s'", v_type(it)->name);
        return it;
    }
    if (t->tp_getitem && !(t->flags & TF_DICT_SUBCLASS)) {
        SeqIter *it = gc_alloc(vm, &type_seq_iter, sizeof(SeqIter));
        if (!it) return VNULL;
        it->seq = v;
        return v_from_ptr(it);
    }
    return vm_raise(vm, &exc_TypeError, "'%s' object is not iterable", t->name);
}

Value vm_next(VM *vm, Value it) {
    Type *t = v_type(it);
    if (!t->tp_iternext) return vm_raise(vm, &exc_TypeError, "'%s' object is not an iterator", t->name);
    return t->tp_iternext(vm, it);
}

/* ---- arithmetic ---- */
static bool is_repeatable_seq(Value v) {
    if (!v_is_obj(v)) return false;
    Type *t = v_type(v);
    return (t->flags & (TF_LIST_SUBCLASS | TF_TUPLE_SUBCLASS | TF_STR_SUBCLASS)) || v_isinstance_of(v, &type_bytes) ||
           v_isinstance_of(v, &type_bytearray);
}

static Value binop_type_error(VM *vm, int op, Value a, Value b, const char *sym) {
    if (op == NB_MUL && (is_repeatable_seq(a) || is_repeatable_seq(b))) {
        Value other = is_repeatable_seq(a) ? b : a;
        return vm_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", v_type(other)->name);
    }
    return vm_raise(vm, &exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, v_type(a)->name,
                    v_type(b)->name);
}

static Value binop1(VM *vm, int op, Value a, Value b) {
    Type *ta = v_type(a), *tb = v_type(b);
    BinaryFn fa = ta->nb[op], fb = tb != ta ? tb->nb[op] : NULL;
    if (fb == fa) fb = NULL;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Value r = fb(vm, a, b);
            if (r != V_NOTIMPL) return r;
            fb = NULL;
        }
        Value r = fa(vm, a, b);
        if (r != V_NOTIMPL) return r;
    }
    if (fb) return fb(vm, a, b);
    return V_NOTIMPL;
}

Value vm_binop(VM *vm, int op, Value a, Value b) {
    if (v_both_int(a, b)) return int_binop(vm, op, a, b);
    if (v_is_float(a) && v_is_float(b)) return float_binop(vm, op, v_float(a), v_float(b));
    if (!enter_recursive(vm, "")) return VNULL;
    Value r = binop1(vm, op, a, b);
    leave_recursive(vm);
    if (r != V_NOTIMPL) return r;
    if (op == NB_MOD && IS_STR(a)) return str_percent_format(vm, a, b);
    return binop_type_error(vm, op, a, b, binop_syms[op]);
}

Value vm_inplace_op(VM *vm, int op, Value a, Value b) {
    Type *ta = v_type(a);
    BinaryFn f = ta->nb_inplace[op];
    if (f) {
        Value r = f(vm, a, b);
        if (r != V_NOTIMPL) return r;
    }
    if (v_both_int(a, b)) return int_binop(vm, op, a, b);
    Value r = binop1(vm, op, a, b);
    if (r != V_NOTIMPL) return r;
    return binop_type_error(vm, op, a, b, ibinop_syms[op]);
}

Value vm_pow3(VM *vm, Value a, Value b, Value c) {
    if (c == V_NONE) return vm_binop(vm, NB_POW, a, b);
    Type *ta = v_type(a), *tb = v_type(b), *tc = v_type(c);
    TernaryFn fs[3] = {ta->nb_pow3, tb != ta ? tb->nb_pow3 : NULL, (tc != ta && tc != tb) ? tc->nb_pow3 : NULL};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        Value r = fs[i](vm, a, b, c);
        if (r != V_NOTIMPL) return r;
    }
    return vm_raise(vm, &exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", ta->name,
                    tb->name, tc->name);
}

#define UNARY(fn, slot, sym) \
    Value fn(VM *vm, Value a) { \
        Type *t = v_type(a); \
        if (t->slot) return t->slot(vm, a); \
        return vm_raise(vm, &exc_TypeError, "bad operand type for " sym ": '%s'", t->name); \
    }
UNARY(vm_neg, nb_neg, "unary -")
UNARY(vm_pos, nb_pos, "unary +")
UNARY(vm_invert, nb_invert, "unary ~")
UNARY(vm_abs, nb_abs, "abs()")

Value vm_index(VM *vm, Value v) {
    if (v_is_int(v)) return v;
    if (v_is_intlike(v)) return v_int_value(v);
    Type *t = v_type(v);
    if (t->nb_index) {
        Value r = t->nb_index(vm, v);
        if (!r) return VNULL;
        if (!v_is_intlike(r)) return vm_raise(vm, &exc_TypeError, "__index__ returned non-int (type %s)", v_type(r)->name);
        return v_int_value(r);
    }
    return vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", t->name);
}

bool vm_index_i64(VM *vm, Value v, int64_t *out, Type *overflow_exc) {
    if (LIKELY(v_is_int(v))) { *out = v_int(v); return true; }
    Value i = vm_index(vm, v);
    if (!i) return false;
    if (int_to_i64(i, out)) return true;
    vm_raise(vm, overflow_exc ? overflow_exc : &exc_OverflowError, "cannot fit '%s' into an index-sized integer", v_type(v)->name);
    return false;
}

/* ---- isinstance / issubclass ---- */
static int recursive_isinstance(VM *vm, Value obj, Value cls, int depth);

static int check_class(VM *vm, Value cls, const char *msg) {
    if (IS_TYPE(cls)) return 1;
    bool err;
    Value b = vm_getattr_opt(vm, cls, NM(__bases__), &err);
    if (err) return -1;
    if (!b || !IS_TUPLE(b)) {
        vm_raise(vm, &exc_TypeError, "%s", msg);
        return -1;
    }
    return 1;
}

static int recursive_isinstance(VM *vm, Value obj, Value cls, int depth) {
    if (IS_TYPE(cls) && v_type(cls) == &type_type) return v_isinstance_of(obj, AS(Type, cls));
    if (IS_TUPLE(cls)) {
        if (depth > 100) {
            vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded in __instancecheck__");
            return -1;
        }
        for (int64_t i = 0; i < tuple_len(cls); i++) {
            int r = recursive_isinstance(vm, obj, tuple_items(cls)[i], depth + 1);
            if (r) return r;
        }
        return 0;
    }
    if (v_is_type(cls, &type_generic_alias)) {
        vm_raise(vm, &exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
        return -1;
    }
    /* as PyObject_IsInstance: __instancecheck__ of type(cls), for any cls */
    Value chk = v_is_obj(cls) ? type_lookup(vm, v_type(cls), NM(__instancecheck__)) : VNULL;
    if (chk && !v_is_type(chk, &type_method_descr)) {
        DescrGetFn f = v_type(chk)->tp_descr_get;
        Value bound = f ? f(vm, chk, cls, v_from_ptr(v_type(cls))) : chk;
        if (!bound) return -1;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, bound);
        Value r = vm_call1(vm, bound, obj);
        ROOTS_RESET(vm);
        if (!r) return -1;
        return vm_truthy(vm, r);
    }
    if (IS_TYPE(cls)) return v_isinstance_of(obj, AS(Type, cls));
    if (check_class(vm, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") < 0) return -1;
    bool err;
    Value c = vm_getattr_opt(vm, obj, NM(__class__), &err);
    if (err) return -1;
    if (!c) return 0;
    return vm_issubclass(vm, c, cls);
}

int vm_isinstance(VM *vm, Value obj, Value cls) { return recursive_isinstance(vm, obj, cls, 0); }

static int abstract_issubclass(VM *vm, Value derived, Value cls, int depth) {
    if (derived == cls) return 1;
    if (depth > 200) {
        vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded in __subclasscheck__");
        return -1;
    }
    bool err;
    Value bases = vm_getattr_opt(vm, derived, NM(__bases__), &err);
    if (err) return -1;
    if (!bases || !IS_TUPLE(bases)) return 0;
    for (int64_t i = 0; i < tuple_len(bases); i++) {
        int r = abstract_issubclass(vm, tuple_items(bases)[i], cls, depth + 1);
        if (r) return r;
    }
    return 0;
}

int vm_issubclass(VM *vm, Value cls, Value base) {
    if (IS_TUPLE(base)) {
        for (int64_t i = 0; i < tuple_len(base); i++) {
            int r = vm_issubclass(vm, cls, tuple_items(base)[i]);
            if (r) return r;
        }
        return 0;
    }
    if (v_is_obj(base) && v_type(base) != &type_type) {
        Value chk = type_lookup(vm, v_type(base), NM(__subclasscheck__));
        if (chk && !v_is_type(chk, &type_method_descr)) {
            DescrGetFn f = v_type(chk)->tp_descr_get;
            Value bound = f ? f(vm, chk, base, v_from_ptr(v_type(base))) : chk;
            if (!bound) return -1;
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, bound);
            Value r = vm_call1(vm, bound, cls);
            ROOTS_RESET(vm);
            if (!r) return -1;
            return vm_truthy(vm, r);
        }
    }
    if (IS_TYPE(cls) && IS_TYPE(base)) return type_is_subtype(AS(Type, cls), AS(Type, base));
    if (check_class(vm, cls, "issubclass() arg 1 must be a class") < 0) return -1;
    if (check_class(vm, base, "issubclass() arg 2 must be a class, a tuple of classes, or a union") < 0) return -1;
    return abstract_issubclass(vm, cls, base, 0);
}

/* ---- calls ---- */
Value vm_call(VM *vm, Value f, Value *args, int nargs, Value kwnames) {
    if (!v_is_obj(f)) return vm_raise(vm, &exc_TypeError, "'%s' object is not callable", v_type(f)->name);
    Type *t = OBJ(f)->type;
    if (t == &type_function) return vm_call_function(vm, AS(Function, f), args, nargs, kwnames);
    if (!t->tp_call) return vm_raise(vm, &exc_TypeError, "'%s' object is not callable", t->name);
    if (!enter_recursive(vm, "")) return VNULL;
    Value r = t->tp_call(vm, f, args, nargs, kwnames);
    leave_recursive(vm);
    return r;
}

Value vm_call0(VM *vm, Value f) { return vm_call(vm, f, NULL, 0, VNULL); }
Value vm_call1(VM *vm, Value f, Value a) { Value args[1] = {a}; return vm_call(vm, f, args, 1, VNULL); }
Value vm_call2(VM *vm, Value f, Value a, Value b) { Value args[2] = {a, b}; return vm_call(vm, f, args, 2, VNULL); }
Value vm_call3(VM *vm, Value f, Value a, Value b, Value c) { Value args[3] = {a, b, c}; return vm_call(vm, f, args, 3, VNULL); }

/* f(*args, **kwargs) with args a tuple and kwargs a dict (or VNULL) */
Value vm_call_tuple_dict(VM *vm, Value f, Value args, Value kwargs) {
    int64_t n = tuple_len(args);
    int64_t nk = kwargs ? dict_len(vm, kwargs) : 0;
    if (nk == 0) return vm_call(vm, f, tuple_items(args), (int)n, VNULL);
    ROOTS_MARK(vm);
    Value names = tuple_new(vm, nk);
    if (!names) return VNULL;
    ROOT_PUSH(vm, names);
    Value all = tuple_new(vm, n + nk);
    if (!all) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, all);
    if (n) memcpy(tuple_items(all), tuple_items(args), (size_t)n * sizeof(Value));
    int64_t pos = 0, i = 0;
    Value k, v;
    while (i < nk && dict_next(vm, kwargs, &pos, &k, &v)) {
        if (!IS_STR(k)) { ROOTS_RESET(vm); return vm_raise(vm, &exc_TypeError, "keywords must be strings"); }
        Value ik = str_intern(vm, k);
        if (!ik) { ROOTS_RESET(vm); return VNULL; }
        tuple_items(names)[i] = ik;
        tuple_items(all)[n + i] = v;
        i++;
    }
    Value r = vm_call(vm, f, tuple_items(all), (int)n, names);
    ROOTS_RESET(vm);
    return r;
}

Value vm_lookup_special(VM *vm, Value obj, Value name) {
    Type *t = v_type(obj);
    Value f = type_lookup(vm, t, name);
    if (!f) return VNULL;
    DescrGetFn g = v_type(f)->tp_descr_get;
    if (g) return g(vm, f, obj, v_from_ptr(t));
    return f;
}

Value vm_call_method(VM *vm, Value obj, Value name, Value *args, int nargs) {
    Value m = vm_getattr(vm, obj, name);
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value r = vm_call(vm, m, args, nargs, VNULL);
    ROOTS_RESET(vm);
    return r;
}

bool vm_callable(Value v) {
    if (!v_is_obj(v)) return false;
    return OBJ(v)->type->tp_call != NULL;
}

/* ---- unpacking ---- */
Value vm_sequence_to_tuple(VM *vm, Value v) {
    if (v_is_type(v, &type_tuple)) return v;
    if (IS_LIST(v) && v_type(v)->tp_iter == type_list.tp_iter) return list_as_tuple(vm, v);
    Value l = list_from_iter(vm, v);
    if (!l) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    Value t = list_as_tuple(vm, l);
    ROOTS_RESET(vm);
    return t;
}

Value vm_sequence_to_list(VM *vm, Value v) { return list_from_iter(vm, v); }

/* Items of an iterable as a contiguous array: returns the object that owns
 * the array (tuple or ValArray) to be rooted by the caller. */
Value vm_unpack_iterable(VM *vm, Value v, int64_t *n, Value **items) {
    if (IS_TUPLE(v)) {
        *n = tuple_len(v);
        *items = tuple_items(v);
        return v;
    }
    Value t = vm_sequence_to_tuple(vm, v);
    if (!t) return VNULL;
    *n = tuple_len(t);
    *items = tuple_items(t);
    return t;
}

int64_t vm_length_hint(VM *vm, Value v, int64_t dflt) {
    Type *t = v_type(v);
    if (t->tp_len) {
        int64_t n = t->tp_len(vm, v);
        if (n >= 0) return n;
        if (!vm_exc_matches(vm, &exc_TypeError)) return -1;
        vm_exc_clear(vm);
    }
    Value h = vm_lookup_special(vm, v, NM(__length_hint__));
    if (!h) return vm->exc ? -1 : dflt;
    Value r = vm_call0(vm, h);
    if (!r) {
        if (vm_exc_matches(vm, &exc_TypeError)) { vm_exc_clear(vm); return dflt; }
        return -1;
    }
    if (r == V_NOTIMPL) return dflt;
    int64_t n;
    if (!vm_index_i64(vm, r, &n, NULL)) return -1;
    if (n < 0) {
        vm_raise(vm, &exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ---- dir ---- */
static int merge_names(VM *vm, Value d, Value dict) {
    if (!dict || !IS_DICT(dict)) return 0;
    int64_t pos = 0;
    Value k;
    while (dict_next(vm, dict, &pos, &k, NULL))
        if (dict_set(vm, d, k, V_NONE) < 0) return -1;
    return 0;
}

Value vm_dir(VM *vm, Value obj) {
    Value d = dict_new(vm);
    if (!d) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, d);
    if (v_is_type(obj, &type_module)) {
        if (merge_names(vm, d, AS(Module, obj)->dict) < 0) goto fail;
    } else {
        Type *t = IS_TYPE(obj) ? AS(Type, obj) : v_type(obj);
        if (!IS_TYPE(obj)) {
            AttrArea *a = obj_attrs(obj);
            if (a) {
                Value od = obj_dict(vm, obj);
                if (!od) goto fail;
                if (merge_names(vm, d, od) < 0) goto fail;
            }
        }
        Value mro = t->mro;
        for (int64_t i = 0; i < tuple_len(mro); i++)
            if (merge_names(vm, d, AS(Type, tuple_items(mro)[i])->dict) < 0) goto fail;
    }
    Value l = dict_keys_list(vm, d);
    if (!l) goto fail;
    ROOT_PUSH(vm, l);
    if (!list_sort(vm, l, VNULL, false)) goto fail;
    ROOTS_RESET(vm);
    return l;
fail:
    ROOTS_RESET(vm);
    return VNULL;
}

static Value self_iter(VM *vm, Value self) { (void)vm; return self; }

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_seq_iter = { .base = STATIC_HDR, .name = "iterator", .basicsize = sizeof(SeqIter), .trace = seqiter_trace,
                       .tp_iter = self_iter, .tp_iternext = seqiter_next };
Type type_callable_iter = { .base = STATIC_HDR, .name = "callable_iterator", .basicsize = sizeof(CallIter),
                            .trace = calliter_trace, .tp_iter = self_iter, .tp_iternext = calliter_next };
/* types.GenericAlias(origin, args) */
static Value ga_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "GenericAlias() takes no keyword arguments");
    if (nargs != 2) return vm_raise(vm, &exc_TypeError, "GenericAlias expected 2 arguments, got %d", nargs);
    return generic_alias_new(vm, args[0], args[1]);
}

Type type_generic_alias = { .base = STATIC_HDR, .name = "types.GenericAlias", .basicsize = sizeof(GenericAlias),
                            .tp_new = ga_new_fn, .trace = ga_trace, .tp_repr = ga_repr, .tp_call = ga_call, .tp_getattro = ga_getattro,
                            .tp_richcompare = ga_richcompare };

void abstract_init_types(void) {
    type_ready(&type_seq_iter);
    type_ready(&type_callable_iter);
    type_ready(&type_generic_alias);
}
