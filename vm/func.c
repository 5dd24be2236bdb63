/* func.c - callables and descriptors: Python functions, bound methods,
 * built-in functions and method descriptors, getset descriptors, property,
 * staticmethod, classmethod, cells, code objects, modules, and the
 * singletons None, NotImplemented and Ellipsis.
 *
 * Calling convention everywhere: (args, nargs, kwnames) where the keyword
 * values follow the positional ones in args (see object.h).
 */
#include "vm.h"
#include <string.h>
#include <stdlib.h>

/* ======================= Python functions ======================= */
static void function_trace(GcTracer *g, Obj *o) {
    Function *f = (Function *)o;
    gc_mark_ptr(g, f->code);
    gc_mark_value(g, f->globals);
    gc_mark_value(g, f->builtins);
    gc_mark_value(g, f->closure);
    gc_mark_value(g, f->name);
    gc_mark_value(g, f->qualname);
    gc_mark_value(g, f->defaults);
    gc_mark_value(g, f->kwdefaults);
    gc_mark_value(g, f->doc);
    gc_mark_value(g, f->module);
    gc_mark_value(g, f->annotations);
    gc_mark_value(g, f->attrs);
}

Value function_new(VM *vm, Code *code, Value globals, Value qualname) {
    Function *f = gc_alloc(vm, &type_function, sizeof(Function));
    if (!f) return VNULL;
    f->code = code;
    f->globals = globals;
    Value b = dict_get_str(vm, globals, NM(__builtins__));
    if (b && v_is_type(b, &type_module)) b = AS(Module, b)->dict;
    f->builtins = (b && IS_DICT(b)) ? b : G->builtins;
    f->name = code->name;
    f->qualname = qualname ? qualname : code->name;
    f->module = dict_get_str(vm, globals, NM(__name__));
    if (!f->module) f->module = V_NONE;
    /* docstring: first constant if the code says so (the compiler puts it first) */
    f->doc = V_NONE;
    if (tuple_len(code->consts) > 0 && !(code->flags & CO_LAMBDA)) {
        Value c0 = tuple_items(code->consts)[0];
        if (IS_STR(c0) && (code->flags & CO_HAS_DOCSTRING)) f->doc = c0;
    }
    return v_from_ptr(f);
}

static Value function_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    return vm_call_function(vm, AS(Function, self), args, nargs, kwnames);
}

static Value function_get(VM *vm, Value self, Value obj, Value type) {
    (void)type;
    if (!obj) return self;
    return method_new(vm, self, obj);
}

static Value function_repr(VM *vm, Value self) {
    return vm_format(vm, "<function %U at %p>", RD(vm, AS(Function, self), AS(Function, self)->qualname), v_ptr(self));
}

static Value fg_name(VM *vm, Value o) { return RD(vm, AS(Function, o), AS(Function, o)->name); }
static int fs_name(VM *vm, Value o, Value v) {
    if (!v || !IS_STR(v)) { vm_raise(vm, &exc_TypeError, "__name__ must be set to a string object"); return -1; }
    WR(vm, AS(Function, o), AS(Function, o)->name, v);
    return 0;
}
static Value fg_qualname(VM *vm, Value o) { return RD(vm, AS(Function, o), AS(Function, o)->qualname); }
static int fs_qualname(VM *vm, Value o, Value v) {
    if (!v || !IS_STR(v)) { vm_raise(vm, &exc_TypeError, "__qualname__ must be set to a string object"); return -1; }
    WR(vm, AS(Function, o), AS(Function, o)->qualname, v);
    return 0;
}
static Value fg_doc(VM *vm, Value o) { return RD(vm, AS(Function, o), AS(Function, o)->doc); }
static int fs_doc(VM *vm, Value o, Value v) { WR(vm, AS(Function, o), AS(Function, o)->doc, v ? v : V_NONE); return 0; }
static Value fg_module(VM *vm, Value o) { return RD(vm, AS(Function, o), AS(Function, o)->module); }
static int fs_module(VM *vm, Value o, Value v) { WR(vm, AS(Function, o), AS(Function, o)->module, v ? v : V_NONE); return 0; }
static Value fg_defaults(VM *vm, Value o) {
    Value d = RD(vm, AS(Function, o), AS(Function, o)->defaults);
    return d ? d : V_NONE;
}
static int fs_defaults(VM *vm, Value o, Value v) {
    if (v && v != V_NONE && !IS_TUPLE(v)) { vm_raise(vm, &exc_TypeError, "__defaults__ must be set to a tuple object"); return -1; }
    WR(vm, AS(Function, o), AS(Function, o)->defaults, (v == V_NONE || (v && tuple_len(v) == 0)) ? VNULL : v);
    return 0;
}
static Value fg_kwdefaults(VM *vm, Value o) {
    Value d = RD(vm, AS(Function, o), AS(Function, o)->kwdefaults);
    return d ? d : V_NONE;
}
static int fs_kwdefaults(VM *vm, Value o, Value v) {
    if (v && v != V_NONE && !IS_DICT(v)) { vm_raise(vm, &exc_TypeError, "__kwdefaults__ must be set to a dict object"); return -1; }
    WR(vm, AS(Function, o), AS(Function, o)->kwdefaults, v == V_NONE ? VNULL : v);
    return 0;
}
static Value fg_code(VM *vm, Value o) { (void)vm; return v_from_ptr(AS(Function, o)->code); }
static Value fg_globals(VM *vm, Value o) { (void)vm; return AS(Function, o)->globals; }
static Value fg_closure(VM *vm, Value o) { (void)vm; Value c = AS(Function, o)->closure; return c ? c : V_NONE; }
static Value fg_annotations(VM *vm, Value o) {
    Function *f = AS(Function, o);
    Value a = RD(vm, f, f->annotations);
    if (!a) {
        a = dict_new(vm);
        if (!a) return VNULL;
        WR(vm, f, f->annotations, a);
    }
    return a;
}
static int fs_annotations(VM *vm, Value o, Value v) { WR(vm, AS(Function, o), AS(Function, o)->annotations, v); return 0; }
static Value fg_dict(VM *vm, Value o) {
    Function *f = AS(Function, o);
    Value a = RD(vm, f, f->attrs);
    if (!a) {
        a = dict_new(vm);
        if (!a) return VNULL;
        WR(vm, f, f->attrs, a);
    }
    return a;
}

/* Function attributes: f.x = ... go to a dict */
static Value function_getattro(VM *vm, Value obj, Value name) {
    Function *f = AS(Function, obj);
    Value attrs = RD(vm, f, f->attrs);
    Value descr = type_lookup(vm, &type_function, name);
    if (descr && v_type(descr)->tp_descr_set) return v_type(descr)->tp_descr_get(vm, descr, obj, v_from_ptr(&type_function));
    if (attrs) {
        Value v = dict_get_str(vm, attrs, name);
        if (v) return v;
    }
    return generic_getattr(vm, obj, name);
}

static int function_setattro(VM *vm, Value obj, Value name, Value v) {
    Function *f = AS(Function, obj);
    Value descr = type_lookup(vm, &type_function, name);
    if (descr && v_type(descr)->tp_descr_set) return v_type(descr)->tp_descr_set(vm, descr, obj, v);
    Value attrs = RD(vm, f, f->attrs);
    if (!attrs) {
        if (!v) {
            vm_raise(vm, &exc_AttributeError, "'function' object has no attribute '%U'", name);
            return -1;
        }
        attrs = dict_new(vm);
        if (!attrs) return -1;
        WR(vm, f, f->attrs, attrs);
    }
    if (v) return dict_set_str(vm, attrs, name, v);
    if (dict_pop_item(vm, attrs, name, NULL) <= 0) {
        if (!vm->exc) vm_raise(vm, &exc_AttributeError, "'function' object has no attribute '%U'", name);
        return -1;
    }
    return 0;
}

static const GetSetDef function_getsets[] = {
    {"__name__", fg_name, fs_name, NULL}, {"__qualname__", fg_qualname, fs_qualname, NULL},
    {"__doc__", fg_doc, fs_doc, NULL}, {"__module__", fg_module, fs_module, NULL},
    {"__defaults__", fg_defaults, fs_defaults, NULL}, {"__kwdefaults__", fg_kwdefaults, fs_kwdefaults, NULL},
    {"__code__", fg_code, NULL, NULL}, {"__globals__", fg_globals, NULL, NULL},
    {"__closure__", fg_closure, NULL, NULL}, {"__annotations__", fg_annotations, fs_annotations, NULL},
    {"__dict__", fg_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ======================= bound methods ======================= */
static void method_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((BoundMethod *)o)->func);
    gc_mark_value(g, ((BoundMethod *)o)->self);
}

Value method_new(VM *vm, Value func, Value self) {
    BoundMethod *m = gc_alloc(vm, &type_method, sizeof(BoundMethod));
    if (!m) return VNULL;
    m->func = func;
    m->self = self;
    return v_from_ptr(m);
}

static Value method_call(VM *vm, Value selfv, Value *args, int nargs, Value kwnames) {
    BoundMethod *m = AS(BoundMethod, selfv);
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    Value buf[12];
    Value *argv = nargs + nk + 1 <= 12 ? buf : malloc((size_t)(nargs + nk + 1) * sizeof(Value));
    if (!argv) return vm_raise_nomem(vm);
    argv[0] = m->self;
    if (nargs + nk) memcpy(argv + 1, args, (size_t)(nargs + nk) * sizeof(Value));
    Value r = v_is_type(m->func, &type_function) ? vm_call_function(vm, AS(Function, m->func), argv, nargs + 1, kwnames)
                                                 : vm_call(vm, m->func, argv, nargs + 1, kwnames);
    if (argv != buf) free(argv);
    return r;
}

static Value method_repr(VM *vm, Value selfv) {
    BoundMethod *m = AS(BoundMethod, selfv);
    bool err;
    Value qn = vm_getattr_opt(vm, m->func, NM(__qualname__), &err);
    if (err) return VNULL;
    if (!qn) { qn = vm_getattr_opt(vm, m->func, NM(__name__), &err); if (err) return VNULL; }
    Value sr = vm_repr(vm, m->self);
    if (!sr) return VNULL;
    if (v_is_type(m->func, &type_slot_wrapper) || v_is_type(m->func, &type_method_descr))
        return vm_format(vm, "<method-wrapper '%S' of %s object at %p>", qn ? qn : V_NONE, v_type(m->self)->name, v_ptr(m->self));
    return vm_format(vm, "<bound method %S of %U>", qn ? qn : V_NONE, sr);
}

static Value method_richcompare(VM *vm, Value a, Value b, int op) {
    if (!v_is_type(a, &type_method) || !v_is_type(b, &type_method) || (op != CMP_EQ_OP && op != CMP_NE_OP)) return V_NOTIMPL;
    BoundMethod *x = AS(BoundMethod, a), *y = AS(BoundMethod, b);
    bool eq = x->self == y->self;
    if (eq) {
        int r = vm_eq(vm, x->func, y->func);
        if (r < 0) return VNULL;
        eq = r;
    }
    return v_bool(op == CMP_EQ_OP ? eq : !eq);
}

static int64_t method_hash(VM *vm, Value a) {
    BoundMethod *m = AS(BoundMethod, a);
    int64_t h1 = vm_hash(vm, m->func);
    if (h1 == -1) return -1;
    uint64_t p = (uint64_t)(uintptr_t)v_ptr(m->self);
    int64_t h = (int64_t)((uint64_t)h1 ^ (p >> 4));
    return h == -1 ? -2 : h;
}

static Value method_getattro(VM *vm, Value obj, Value name) {
    Value descr = type_lookup(vm, &type_method, name);
    if (descr) {
        DescrGetFn f = v_type(descr)->tp_descr_get;
        return f ? f(vm, descr, obj, v_from_ptr(&type_method)) : descr;
    }
    return vm_getattr(vm, AS(BoundMethod, obj)->func, name);
}

static Value mg_func(VM *vm, Value o) { (void)vm; return AS(BoundMethod, o)->func; }
static Value mg_self(VM *vm, Value o) { (void)vm; return AS(BoundMethod, o)->self; }
static Value mg_name(VM *vm, Value o) { return vm_getattr(vm, AS(BoundMethod, o)->func, NM(__name__)); }
static Value mg_qualname(VM *vm, Value o) { return vm_getattr(vm, AS(BoundMethod, o)->func, NM(__qualname__)); }
static Value mg_doc(VM *vm, Value o) { return vm_getattr(vm, AS(BoundMethod, o)->func, NM(__doc__)); }
static const GetSetDef method_getsets[] = {
    {"__func__", mg_func, NULL, NULL}, {"__self__", mg_self, NULL, NULL},
    {"__name__", mg_name, NULL, NULL}, {"__qualname__", mg_qualname, NULL, NULL}, {"__doc__", mg_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ======================= built-in functions ======================= */
static void builtin_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((BuiltinFunction *)o)->self);
    gc_mark_value(g, ((BuiltinFunction *)o)->qualname_owner);
}

Value builtin_function_new(VM *vm, const MethodDef *def, Value self, Value owner) {
    BuiltinFunction *f = gc_alloc(vm, &type_builtin_function, sizeof(BuiltinFunction));
    if (!f) return VNULL;
    f->def = def;
    f->self = self;
    f->qualname_owner = owner;
    return v_from_ptr(f);
}

/* owner: the type a method belongs to (messages say "list.append()"), or NULL. */
static bool check_def_args(VM *vm, const MethodDef *d, int nargs, Value kwnames, bool bound_self, const Type *owner) {
    const char *on = owner ? owner->name : "", *dot = owner ? "." : "";
    if (kwnames && tuple_len(kwnames) && !(d->flags & MF_KW)) {
        vm_raise(vm, &exc_TypeError, "%s%s%s() takes no keyword arguments", on, dot, d->name);
        return false;
    }
    int shown = nargs - (bound_self ? 1 : 0);
    int mn = d->min_args - (bound_self ? 1 : 0), mx = d->max_args < 0 ? -1 : d->max_args - (bound_self ? 1 : 0);
    if (nargs < d->min_args || (d->max_args >= 0 && nargs > d->max_args)) {
        if (mx == 0) vm_raise(vm, &exc_TypeError, "%s%s%s() takes no arguments (%d given)", on, dot, d->name, shown);
        else if (mn == mx && mn == 1) vm_raise(vm, &exc_TypeError, "%s%s%s() takes exactly one argument (%d given)", on, dot, d->name, shown);
        else if (mn == mx) vm_raise(vm, &exc_TypeError, "%s expected %d argument%s, got %d", d->name, mn, mn == 1 ? "" : "s", shown);
        else if (nargs < d->min_args) vm_raise(vm, &exc_TypeError, "%s expected at least %d argument%s, got %d", d->name, mn, mn == 1 ? "" : "s", shown);
        else vm_raise(vm, &exc_TypeError, "%s expected at most %d argument%s, got %d", d->name, mx, mx == 1 ? "" : "s", shown);
        return false;
    }
    return true;
}

static Value builtin_call(VM *vm, Value selfv, Value *args, int nargs, Value kwnames) {
    BuiltinFunction *f = AS(BuiltinFunction, selfv);
    const MethodDef *d = f->def;
    if (bf_is_module_func(f)) {   /* module functions do not receive the module */
        if (!check_def_args(vm, d, nargs, kwnames, false, NULL)) return VNULL;
        return d->fn(vm, args, nargs, kwnames);
    }
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    Value buf[12];
    Value *argv = nargs + nk + 1 <= 12 ? buf : malloc((size_t)(nargs + nk + 1) * sizeof(Value));
    if (!argv) return vm_raise_nomem(vm);
    argv[0] = f->self;
    if (nargs + nk) memcpy(argv + 1, args, (size_t)(nargs + nk) * sizeof(Value));
    const Type *owner = f->qualname_owner && IS_TYPE(f->qualname_owner) ? AS(Type, f->qualname_owner) : NULL;
    Value r = check_def_args(vm, d, nargs + 1, kwnames, true, owner) ? d->fn(vm, argv, nargs + 1, kwnames) : VNULL;
    if (argv != buf) free(argv);
    return r;
}

static Value builtin_repr(VM *vm, Value selfv) {
    BuiltinFunction *f = AS(BuiltinFunction, selfv);
    if (bf_is_module_func(f))
        return vm_format(vm, "<built-in function %s>", f->def->name);
    return vm_format(vm, "<built-in method %s of %s object at %p>", f->def->name, v_type(f->self)->name, v_ptr(f->self));
}

static Value bg_name(VM *vm, Value o) { return str_from_cstr(vm, AS(BuiltinFunction, o)->def->name); }
static Value bg_qualname(VM *vm, Value o) {
    BuiltinFunction *f = AS(BuiltinFunction, o);
    if (f->self && IS_TYPE(f->self)) return vm_format(vm, "%s.%s", AS(Type, f->self)->name, f->def->name);
    if (f->qualname_owner && IS_TYPE(f->qualname_owner)) return vm_format(vm, "%s.%s", AS(Type, f->qualname_owner)->name, f->def->name);
    return str_from_cstr(vm, f->def->name);
}
static Value bg_self(VM *vm, Value o) { (void)vm; Value s = AS(BuiltinFunction, o)->self; return s ? s : V_NONE; }
static Value bg_doc(VM *vm, Value o) {
    const char *d = AS(BuiltinFunction, o)->def->doc;
    return d ? str_from_cstr(vm, d) : V_NONE;
}
static Value bg_module(VM *vm, Value o) {
    BuiltinFunction *f = AS(BuiltinFunction, o);
    if (f->self && bf_is_module_func(f)) return AS(Module, f->self)->name;
    (void)vm;
    return f->self ? V_NONE : NM(builtins);
}
static const GetSetDef builtin_getsets[] = {
    {"__name__", bg_name, NULL, NULL}, {"__qualname__", bg_qualname, NULL, NULL},
    {"__self__", bg_self, NULL, NULL}, {"__doc__", bg_doc, NULL, NULL}, {"__module__", bg_module, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static Value builtin_richcompare(VM *vm, Value a, Value b, int op) {
    (void)vm;
    if (!v_is_type(a, &type_builtin_function) || !v_is_type(b, &type_builtin_function) || (op != CMP_EQ_OP && op != CMP_NE_OP))
        return V_NOTIMPL;
    BuiltinFunction *x = AS(BuiltinFunction, a), *y = AS(BuiltinFunction, b);
    bool eq = x->def == y->def && x->self == y->self;
    return v_bool(op == CMP_EQ_OP ? eq : !eq);
}

static int64_t builtin_hash(VM *vm, Value a) {
    (void)vm;
    BuiltinFunction *f = AS(BuiltinFunction, a);
    uint64_t h = ((uint64_t)(uintptr_t)f->def >> 3) ^ ((uint64_t)(uintptr_t)v_ptr(f->self) >> 4);
    return (int64_t)(h == (uint64_t)-1 ? (uint64_t)-2 : h);
}

/* ======================= method descriptors ======================= */
static void mdescr_trace(GcTracer *g, Obj *o) { (void)g; (void)o; }

static Value mdescr_call(VM *vm, Value selfv, Value *args, int nargs, Value kwnames) {
    MethodDescr *m = AS(MethodDescr, selfv);
    if (nargs < 1)
        return vm_raise(vm, &exc_TypeError, "unbound method %s.%s() needs an argument", m->owner->name, m->def->name);
    if (!v_isinstance_of(args[0], m->owner))
        return vm_raise(vm, &exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->def->name,
                        m->owner->name, v_type(args[0])->name);
    if (!check_def_args(vm, m->def, nargs, kwnames, true, m->owner)) return VNULL;
    return m->def->fn(vm, args, nargs, kwnames);
}

static Value mdescr_get(VM *vm, Value selfv, Value obj, Value type) {
    (void)type;
    if (!obj) return selfv;
    MethodDescr *m = AS(MethodDescr, selfv);
    if (!v_isinstance_of(obj, m->owner))
        return vm_raise(vm, &exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->def->name,
                        m->owner->name, v_type(obj)->name);
    return builtin_function_new(vm, m->def, obj, v_from_ptr(m->owner));
}

static Value mdescr_repr(VM *vm, Value selfv) {
    MethodDescr *m = AS(MethodDescr, selfv);
    return vm_format(vm, "<method '%s' of '%s' objects>", m->def->name, m->owner->name);
}

static Value md_name(VM *vm, Value o) { return str_from_cstr(vm, AS(MethodDescr, o)->def->name); }
static Value md_qualname(VM *vm, Value o) { return vm_format(vm, "%s.%s", AS(MethodDescr, o)->owner->name, AS(MethodDescr, o)->def->name); }
static Value md_objclass(VM *vm, Value o) { (void)vm; return v_from_ptr(AS(MethodDescr, o)->owner); }
static Value md_doc(VM *vm, Value o) { const char *d = AS(MethodDescr, o)->def->doc; return d ? str_from_cstr(vm, d) : V_NONE; }
static const GetSetDef mdescr_getsets[] = {
    {"__name__", md_name, NULL, NULL}, {"__qualname__", md_qualname, NULL, NULL},
    {"__objclass__", md_objclass, NULL, NULL}, {"__doc__", md_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* classmethod descriptors of built-in types (dict.fromkeys, int.from_bytes) */
static Value cmdescr_get(VM *vm, Value selfv, Value obj, Value type) {
    MethodDescr *m = AS(MethodDescr, selfv);
    Value cls = type && type != V_NONE ? type : (obj ? v_from_ptr(v_type(obj)) : v_from_ptr(m->owner));
    return builtin_function_new(vm, m->def, cls, v_from_ptr(m->owner));
}
static Value cmdescr_call(VM *vm, Value selfv, Value *args, int nargs, Value kwnames) {
    MethodDescr *m = AS(MethodDescr, selfv);
    if (nargs < 1 || !IS_TYPE(args[0]))
        return vm_raise(vm, &exc_TypeError, "descriptor '%s' of '%s' object needs a type", m->def->name, m->owner->name);
    return m->def->fn(vm, args, nargs, kwnames);
}
static Value cmdescr_repr(VM *vm, Value selfv) {
    MethodDescr *m = AS(MethodDescr, selfv);
    return vm_format(vm, "<method '%s' of '%s' objects>", m->def->name, m->owner->name);
}

/* ======================= getset descriptors ======================= */
static Value getset_get(VM *vm, Value selfv, Value obj, Value type) {
    (void)type;
    GetSetDescr *g = AS(GetSetDescr, selfv);
    if (!obj) return selfv;
    if (!v_isinstance_of(obj, g->owner))
        return vm_raise(vm, &exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", g->def->name,
                        g->owner->name, v_type(obj)->name);
    return g->def->get(vm, obj);
}

static int getset_set(VM *vm, Value selfv, Value obj, Value v) {
    GetSetDescr *g = AS(GetSetDescr, selfv);
    if (!g->def->set) {
        vm_raise(vm, &exc_AttributeError, "attribute '%s' of '%s' objects is not writable", g->def->name, g->owner->name);
        return -1;
    }
    return g->def->set(vm, obj, v);
}

static Value getset_repr(VM *vm, Value selfv) {
    GetSetDescr *g = AS(GetSetDescr, selfv);
    return vm_format(vm, "<attribute '%s' of '%s' objects>", g->def->name, g->owner->name);
}

/* ======================= property ======================= */
static void property_trace(GcTracer *g, Obj *o) {
    Property *p = (Property *)o;
    gc_mark_value(g, p->fget);
    gc_mark_value(g, p->fset);
    gc_mark_value(g, p->fdel);
    gc_mark_value(g, p->doc);
    gc_mark_value(g, p->name);
}

static Value property_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return instance_alloc(vm, t);
}

static int property_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    Value out[4];
    if (!vm_parse_args(vm, "property", args, nargs, kwnames, names, 0, 0, out)) return -1;
    Property *p = AS(Property, self);
    WR(vm, p, p->fget, out[0] == V_NONE ? VNULL : out[0]);
    WR(vm, p, p->fset, out[1] == V_NONE ? VNULL : out[1]);
    WR(vm, p, p->fdel, out[2] == V_NONE ? VNULL : out[2]);
    Value doc = out[3];
    if ((!doc || doc == V_NONE) && out[0] && out[0] != V_NONE) {
        bool err;
        doc = vm_getattr_opt(vm, out[0], NM(__doc__), &err);
        if (err) return -1;
    }
    WR(vm, p, p->doc, doc ? doc : V_NONE);
    return 0;
}

static Value property_get(VM *vm, Value selfv, Value obj, Value type) {
    (void)type;
    if (!obj) return selfv;
    Property *p = AS(Property, selfv);
    Value fget = RD(vm, p, p->fget);
    if (!fget) {
        Value nm = RD(vm, p, p->name);
        if (nm) return vm_raise(vm, &exc_AttributeError, "property %R of %R object has no getter", nm, type_name_value(v_type(obj)));
        return vm_raise(vm, &exc_AttributeError, "unreadable attribute");
    }
    return vm_call1(vm, fget, obj);
}

static int property_set(VM *vm, Value selfv, Value obj, Value v) {
    Property *p = AS(Property, selfv);
    Value f = v ? RD(vm, p, p->fset) : RD(vm, p, p->fdel);
    if (!f) {
        Value nm = RD(vm, p, p->name);
        if (nm)
            vm_raise(vm, &exc_AttributeError, "property %R of %R object has no %s", nm, type_name_value(v_type(obj)),
                     v ? "setter" : "deleter");
        else
            vm_raise(vm, &exc_AttributeError, v ? "can't set attribute" : "can't delete attribute");
        return -1;
    }
    Value r = v ? vm_call2(vm, f, obj, v) : vm_call1(vm, f, obj);
    return r ? 0 : -1;
}

static Value property_copy(VM *vm, Value selfv, Value fget, Value fset, Value fdel) {
    Property *p = AS(Property, selfv);
    Value args[4] = {fget ? fget : RD(vm, p, p->fget), fset ? fset : RD(vm, p, p->fset), fdel ? fdel : RD(vm, p, p->fdel),
                     RD(vm, p, p->doc)};
    for (int i = 0; i < 4; i++) if (!args[i]) args[i] = V_NONE;
    Value np = vm_call(vm, v_from_ptr(v_type(selfv)), args, 4, VNULL);
    if (np && v_isinstance_of(np, &type_property)) WR(vm, AS(Property, np), AS(Property, np)->name, RD(vm, p, p->name));
    return np;
}

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw
M(prop_getter) { UNUSED; return property_copy(vm, args[0], args[1], VNULL, VNULL); }
M(prop_setter) { UNUSED; return property_copy(vm, args[0], VNULL, args[1], VNULL); }
M(prop_deleter) { UNUSED; return property_copy(vm, args[0], VNULL, VNULL, args[1]); }
M(prop_set_name) { UNUSED; WR(vm, AS(Property, args[0]), AS(Property, args[0])->name, args[2]); return V_NONE; }
static Value pg_fget(VM *vm, Value o) { Value v = RD(vm, AS(Property, o), AS(Property, o)->fget); return v ? v : V_NONE; }
static Value pg_fset(VM *vm, Value o) { Value v = RD(vm, AS(Property, o), AS(Property, o)->fset); return v ? v : V_NONE; }
static Value pg_fdel(VM *vm, Value o) { Value v = RD(vm, AS(Property, o), AS(Property, o)->fdel); return v ? v : V_NONE; }
static Value pg_doc(VM *vm, Value o) { Value v = RD(vm, AS(Property, o), AS(Property, o)->doc); return v ? v : V_NONE; }
static int ps_doc(VM *vm, Value o, Value v) { WR(vm, AS(Property, o), AS(Property, o)->doc, v ? v : V_NONE); return 0; }
static Value pg_isabstract(VM *vm, Value o) {
    Property *p = AS(Property, o);
    Value fs[3] = {RD(vm, p, p->fget), RD(vm, p, p->fset), RD(vm, p, p->fdel)};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        bool err;
        Value a = vm_getattr_opt(vm, fs[i], NM(__isabstractmethod__), &err);
        if (err) return VNULL;
        if (a && vm_truthy(vm, a) > 0) return V_TRUE;
    }
    return V_FALSE;
}
static const MethodDef property_methods[] = {
    {"getter", prop_getter, 2, 2, 0, NULL}, {"setter", prop_setter, 2, 2, 0, NULL},
    {"deleter", prop_deleter, 2, 2, 0, NULL}, {"__set_name__", prop_set_name, 3, 3, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef property_getsets[] = {
    {"fget", pg_fget, NULL, NULL}, {"fset", pg_fset, NULL, NULL}, {"fdel", pg_fdel, NULL, NULL},
    {"__doc__", pg_doc, ps_doc, NULL}, {"__isabstractmethod__", pg_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ======================= staticmethod / classmethod ======================= */
static void sm_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((StaticMethod *)o)->func);
    gc_mark_value(g, ((StaticMethod *)o)->attrs);
}

static Value sm_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "%s() takes no keyword arguments", t->name);
    if (nargs != 1) return vm_raise(vm, &exc_TypeError, "%s expected 1 argument, got %d", t->name, nargs);
    Value o = (t == &type_staticmethod || t == &type_classmethod) ? v_from_ptr(gc_alloc(vm, t, sizeof(StaticMethod)))
                                                                  : instance_alloc(vm, t);
    if (!o) return VNULL;
    AS(StaticMethod, o)->func = args[0];
    return o;
}

static int sm_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    (void)vm; (void)kwnames;
    if (nargs == 1) AS(StaticMethod, self)->func = args[0];
    return 0;
}

static Value sm_get(VM *vm, Value self, Value obj, Value type) {
    (void)vm; (void)obj; (void)type;
    return AS(StaticMethod, self)->func;
}

static Value sm_call(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    return vm_call(vm, AS(StaticMethod, self)->func, args, nargs, kwnames);
}

static Value cm_get(VM *vm, Value self, Value obj, Value type) {
    Value cls = (type && type != V_NONE) ? type : v_from_ptr(v_type(obj));
    Value f = AS(StaticMethod, self)->func;
    /* classmethod wrapping a descriptor (e.g. a property) chains in 3.11 */
    DescrGetFn g = v_type(f)->tp_descr_get;
    if (g && !v_is_type(f, &type_function)) return g(vm, f, cls, v_from_ptr(v_type(cls)));
    return method_new(vm, f, cls);
}

static Value smg_func(VM *vm, Value o) { (void)vm; return AS(StaticMethod, o)->func; }
static Value smg_isabstract(VM *vm, Value o) {
    bool err;
    Value a = vm_getattr_opt(vm, AS(StaticMethod, o)->func, NM(__isabstractmethod__), &err);
    if (err) return VNULL;
    return a ? a : V_FALSE;
}
static Value smg_dict(VM *vm, Value o) {
    StaticMethod *s = AS(StaticMethod, o);
    if (!s->attrs) {
        s->attrs = dict_new(vm);
        if (!s->attrs) return VNULL;
    }
    return s->attrs;
}
/* wrapped function's attributes are visible through the wrapper (3.10+) */
static Value sm_getattro(VM *vm, Value obj, Value name) {
    bool err;
    Value v = generic_getattr_noraise(vm, obj, name, &err);
    if (v || err) return v;
    StaticMethod *s = AS(StaticMethod, obj);
    if (s->attrs) {
        v = dict_get_str(vm, s->attrs, name);
        if (v) return v;
    }
    const char *n = str_cstr(name);
    if (!strcmp(n, "__name__") || !strcmp(n, "__qualname__") || !strcmp(n, "__doc__") || !strcmp(n, "__module__") ||
        !strcmp(n, "__wrapped__"))
        return !strcmp(n, "__wrapped__") ? s->func : vm_getattr(vm, s->func, name);
    return vm_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%U'", v_type(obj)->name, name);
}
static int sm_setattro(VM *vm, Value obj, Value name, Value v) {
    StaticMethod *s = AS(StaticMethod, obj);
    if (obj_attrs(obj)) return generic_setattr(vm, obj, name, v);
    if (!s->attrs) {
        s->attrs = dict_new(vm);
        if (!s->attrs) return -1;
    }
    if (v) return dict_set_str(vm, s->attrs, name, v);
    return dict_pop_item(vm, s->attrs, name, NULL) < 0 ? -1 : 0;
}
static const GetSetDef sm_getsets[] = {
    {"__func__", smg_func, NULL, NULL}, {"__isabstractmethod__", smg_isabstract, NULL, NULL},
    {"__dict__", smg_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};
static Value sm_repr(VM *vm, Value self) {
    Value r = vm_repr(vm, AS(StaticMethod, self)->func);
    if (!r) return VNULL;
    return vm_format(vm, "<%s(%U)>", v_type(self)->name, r);
}

/* ======================= cells ======================= */
static void cell_trace(GcTracer *g, Obj *o) { gc_mark_value(g, ((Cell *)o)->ref); }
static Value cell_repr(VM *vm, Value self) {
    Value r = RD(vm, AS(Cell, self), AS(Cell, self)->ref);
    if (!r) return vm_format(vm, "<cell at %p: empty>", v_ptr(self));
    return vm_format(vm, "<cell at %p: %s object at %p>", v_ptr(self), v_type(r)->name, v_ptr(r));
}
static Value cg_contents(VM *vm, Value o) {
    Value r = RD(vm, AS(Cell, o), AS(Cell, o)->ref);
    if (!r) return vm_raise(vm, &exc_ValueError, "Cell is empty");
    return r;
}
static int cs_contents(VM *vm, Value o, Value v) { WR(vm, AS(Cell, o), AS(Cell, o)->ref, v); return 0; }
static const GetSetDef cell_getsets[] = { {"cell_contents", cg_contents, cs_contents, NULL}, {NULL, NULL, NULL, NULL} };

/* ======================= code objects ======================= */
static void code_trace(GcTracer *g, Obj *o) {
    Code *c = (Code *)o;
    gc_mark_value(g, c->consts);
    gc_mark_value(g, c->names);
    gc_mark_value(g, c->localsplusnames);
    gc_mark_value(g, c->name);
    gc_mark_value(g, c->qualname);
    gc_mark_value(g, c->filename);
    gc_mark_value(g, c->cache_objs);
    for (int32_t i = 0; i < c->ncaches; i++) {
        Value v = (Value)atomic_load_explicit(&c->caches[i], memory_order_relaxed);
        if (v_is_obj(v)) gc_mark_value(g, v);
    }
}
static Value code_repr(VM *vm, Value self) {
    Code *c = AS(Code, self);
    return vm_format(vm, "<code object %U at %p, file \"%U\", line %d>", c->name, v_ptr(self), c->filename, c->firstlineno);
}
static Value cog_name(VM *vm, Value o) { (void)vm; return AS(Code, o)->name; }
static Value cog_qualname(VM *vm, Value o) { (void)vm; return AS(Code, o)->qualname; }
static Value cog_filename(VM *vm, Value o) { (void)vm; return AS(Code, o)->filename; }
static Value cog_firstlineno(VM *vm, Value o) { (void)vm; return v_from_small(AS(Code, o)->firstlineno); }
static Value cog_argcount(VM *vm, Value o) { (void)vm; return v_from_small(AS(Code, o)->argcount); }
static Value cog_kwonlyargcount(VM *vm, Value o) { (void)vm; return v_from_small(AS(Code, o)->kwonlyargcount); }
static Value cog_posonlyargcount(VM *vm, Value o) { (void)vm; return v_from_small(AS(Code, o)->posonlyargcount); }
static Value cog_flags(VM *vm, Value o) { (void)vm; return v_from_small(AS(Code, o)->flags & 0xFFFF); }
static Value cog_consts(VM *vm, Value o) { (void)vm; return AS(Code, o)->consts; }
static Value cog_names(VM *vm, Value o) { (void)vm; return AS(Code, o)->names; }
static Value cog_nlocals(VM *vm, Value o) { (void)vm; return v_from_small(AS(Code, o)->nlocals); }
static Value cog_varnames(VM *vm, Value o) {
    Code *c = AS(Code, o);
    return tuple_from_array(vm, tuple_items(c->localsplusnames), c->nlocals);
}
static Value cog_freevars(VM *vm, Value o) {
    Code *c = AS(Code, o);
    return tuple_from_array(vm, tuple_items(c->localsplusnames) + c->nlocals + c->ncells, c->nfree);
}
static Value cog_cellvars(VM *vm, Value o) {
    Code *c = AS(Code, o);
    return tuple_from_array(vm, tuple_items(c->localsplusnames) + c->nlocals, c->ncells);
}
static const GetSetDef code_getsets[] = {
    {"co_name", cog_name, NULL, NULL}, {"co_qualname", cog_qualname, NULL, NULL},
    {"co_filename", cog_filename, NULL, NULL}, {"co_firstlineno", cog_firstlineno, NULL, NULL},
    {"co_argcount", cog_argcount, NULL, NULL}, {"co_kwonlyargcount", cog_kwonlyargcount, NULL, NULL},
    {"co_posonlyargcount", cog_posonlyargcount, NULL, NULL}, {"co_flags", cog_flags, NULL, NULL},
    {"co_consts", cog_consts, NULL, NULL}, {"co_names", cog_names, NULL, NULL},
    {"co_nlocals", cog_nlocals, NULL, NULL}, {"co_varnames", cog_varnames, NULL, NULL},
    {"co_freevars", cog_freevars, NULL, NULL}, {"co_cellvars", cog_cellvars, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ======================= modules ======================= */
static void module_trace(GcTracer *g, Obj *o) {
    gc_mark_value(g, ((Module *)o)->dict);
    gc_mark_value(g, ((Module *)o)->name);
}

Value vm_new_module(VM *vm, const char *name) {
    Value nm = str_from_cstr(vm, name);
    if (!nm) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, nm);
    Value d = dict_new(vm);
    if (!d) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, d);
    Module *m = gc_alloc(vm, &type_module, sizeof(Module));
    ROOTS_RESET(vm);
    if (!m) return VNULL;
    m->dict = d;
    m->name = nm;
    Value mv = v_from_ptr(m);
    ROOT_PUSH(vm, mv);
    if (dict_set_str(vm, d, NM(__name__), nm) < 0 || dict_set_str(vm, d, NM(__doc__), V_NONE) < 0 ||
        dict_set_str(vm, d, NM(__package__), V_NONE) < 0 || dict_set_str(vm, d, NM(__spec__), V_NONE) < 0 ||
        dict_set_str(vm, d, NM(__loader__), V_NONE) < 0) {
        ROOTS_RESET(vm);
        return VNULL;
    }
    ROOTS_RESET(vm);
    return mv;
}

Value module_dict(Value m) { return AS(Module, m)->dict; }

static Value module_getattro(VM *vm, Value obj, Value name) {
    Module *m = AS(Module, obj);
    Value v = dict_get_str(vm, m->dict, name);
    if (v) return v;
    bool err;
    v = generic_getattr_noraise(vm, obj, name, &err);
    if (v || err) return v;
    Value ga = dict_get_cstr(vm, m->dict, "__getattr__");
    if (ga) return vm_call1(vm, ga, name);
    Value e = vm_format(vm, "module '%U' has no attribute '%U'", m->name, name);
    if (!e) return VNULL;
    return vm_raise_value(vm, exc_new_msg(vm, &exc_AttributeError, e));
}

static int module_setattro(VM *vm, Value obj, Value name, Value v) {
    Module *m = AS(Module, obj);
    if (v) return dict_set_str(vm, m->dict, name, v);
    int r = dict_pop_item(vm, m->dict, name, NULL);
    if (r == 0) {
        vm_raise(vm, &exc_AttributeError, "module '%U' has no attribute '%U'", m->name, name);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static Value module_repr(VM *vm, Value self) {
    Module *m = AS(Module, self);
    Value f = dict_get_str(vm, m->dict, NM(__file__));
    if (f && IS_STR(f)) return vm_format(vm, "<module '%U' from '%U'>", m->name, f);
    return vm_format(vm, "<module '%U' (built-in)>", m->name);
}

static Value modg_dict(VM *vm, Value o) { (void)vm; return AS(Module, o)->dict; }
static const GetSetDef module_getsets[] = { {"__dict__", modg_dict, NULL, NULL}, {NULL, NULL, NULL, NULL} };

static Value module_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t; (void)kwnames;
    if (nargs < 1 || !IS_STR(args[0])) return vm_raise(vm, &exc_TypeError, "module() argument 'name' must be str");
    Value m = vm_new_module(vm, str_cstr(args[0]));
    if (m && nargs > 1) dict_set_str(vm, AS(Module, m)->dict, NM(__doc__), args[1]);
    return m;
}

/* ======================= None, NotImplemented, Ellipsis ======================= */
static Value none_repr(VM *vm, Value v) { (void)vm; (void)v; return NM(None); }
static int none_bool(VM *vm, Value v) { (void)vm; (void)v; return 0; }
static int64_t none_hash(VM *vm, Value v) { (void)vm; (void)v; return 0xFCA86420; }
static Value none_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    (void)t; (void)args; (void)kw;
    if (nargs) return vm_raise(vm, &exc_TypeError, "NoneType takes no arguments");
    return V_NONE;
}
static Value notimpl_repr(VM *vm, Value v) { (void)v; return str_from_cstr(vm, "NotImplemented"); }
static int notimpl_bool(VM *vm, Value v) { (void)vm; (void)v; return 1; }
static Value ellipsis_repr(VM *vm, Value v) { (void)v; return str_from_cstr(vm, "Ellipsis"); }
static Value notimpl_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    (void)t; (void)args;
    if (nargs || (kw && tuple_len(kw))) return vm_raise(vm, &exc_TypeError, "NotImplementedType takes no arguments");
    return v_from_ptr(&vm_notimplemented);
}
static Value ellipsis_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kw) {
    (void)t; (void)args;
    if (nargs || (kw && tuple_len(kw))) return vm_raise(vm, &exc_TypeError, "ellipsis takes no arguments");
    return v_from_ptr(&vm_ellipsis);
}

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_function = {
    .base = STATIC_HDR, .name = "function", .basicsize = sizeof(Function), .trace = function_trace,
    .tp_call = function_call, .tp_descr_get = function_get, .tp_repr = function_repr,
    .tp_getattro = function_getattro, .tp_setattro = function_setattro,
};
/* types.MethodType(function, instance) */
static Value method_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t;
    if (kwnames && tuple_len(kwnames)) return vm_raise(vm, &exc_TypeError, "method() takes no keyword arguments");
    if (nargs != 2) return vm_raise(vm, &exc_TypeError, "method expected 2 arguments, got %d", nargs);
    if (!vm_callable(args[0])) return vm_raise(vm, &exc_TypeError, "first argument must be callable");
    if (args[1] == V_NONE) return vm_raise(vm, &exc_TypeError, "instance must not be None");
    return method_new(vm, args[0], args[1]);
}

Type type_method = {
    .base = STATIC_HDR, .name = "method", .basicsize = sizeof(BoundMethod), .trace = method_trace,
    .tp_new = method_new_fn, .tp_call = method_call, .tp_repr = method_repr, .tp_richcompare = method_richcompare, .tp_hash = method_hash,
    .tp_getattro = method_getattro,
};
Type type_builtin_function = {
    .base = STATIC_HDR, .name = "builtin_function_or_method", .basicsize = sizeof(BuiltinFunction),
    .trace = builtin_trace, .tp_call = builtin_call, .tp_repr = builtin_repr,
    .tp_richcompare = builtin_richcompare, .tp_hash = builtin_hash,
};
Type type_method_descr = {
    .base = STATIC_HDR, .name = "method_descriptor", .basicsize = sizeof(MethodDescr), .trace = mdescr_trace,
    .tp_call = mdescr_call, .tp_descr_get = mdescr_get, .tp_repr = mdescr_repr,
};
Type type_classmethod_descr = {
    .base = STATIC_HDR, .name = "classmethod_descriptor", .basicsize = sizeof(MethodDescr), .trace = mdescr_trace,
    .tp_call = cmdescr_call, .tp_descr_get = cmdescr_get, .tp_repr = cmdescr_repr,
};
Type type_getset_descr = {
    .base = STATIC_HDR, .name = "getset_descriptor", .basicsize = sizeof(GetSetDescr),
    .tp_descr_get = getset_get, .tp_descr_set = getset_set, .tp_repr = getset_repr,
};
Type type_property = {
    .base = STATIC_HDR, .name = "property", .basicsize = sizeof(Property), .flags = TF_BASETYPE,
    .trace = property_trace, .tp_new = property_new_fn, .tp_init = property_init_fn,
    .tp_descr_get = property_get, .tp_descr_set = property_set,
};
Type type_staticmethod = {
    .base = STATIC_HDR, .name = "staticmethod", .basicsize = sizeof(StaticMethod), .flags = TF_BASETYPE,
    .trace = sm_trace, .tp_new = sm_new_fn, .tp_init = sm_init_fn, .tp_descr_get = sm_get, .tp_call = sm_call,
    .tp_repr = sm_repr, .tp_getattro = sm_getattro, .tp_setattro = sm_setattro,
};
Type type_classmethod = {
    .base = STATIC_HDR, .name = "classmethod", .basicsize = sizeof(StaticMethod), .flags = TF_BASETYPE,
    .trace = sm_trace, .tp_new = sm_new_fn, .tp_init = sm_init_fn, .tp_descr_get = cm_get,
    .tp_repr = sm_repr, .tp_getattro = sm_getattro, .tp_setattro = sm_setattro,
};
Type type_cell = { .base = STATIC_HDR, .name = "cell", .basicsize = sizeof(Cell), .trace = cell_trace, .tp_repr = cell_repr };
/* A code object carries its instructions, line table, cell map and inline
 * caches in the same allocation (see compile.c), so it needs no finalizer. */
Type type_code = { .base = STATIC_HDR, .name = "code", .basicsize = sizeof(Code), .trace = code_trace,
                   .tp_repr = code_repr };
Type type_module = {
    .base = STATIC_HDR, .name = "module", .basicsize = sizeof(Module), .flags = TF_BASETYPE, .trace = module_trace,
    .tp_new = module_new_fn, .tp_getattro = module_getattro, .tp_setattro = module_setattro, .tp_repr = module_repr,
};
Type type_none = { .base = STATIC_HDR, .name = "NoneType", .basicsize = sizeof(NoneObj), .tp_repr = none_repr,
                   .tp_bool = none_bool, .tp_hash = none_hash, .tp_new = none_new_fn };
Type type_notimplemented = { .base = STATIC_HDR, .name = "NotImplementedType", .basicsize = sizeof(NoneObj),
                             .tp_repr = notimpl_repr, .tp_bool = notimpl_bool, .tp_new = notimpl_new_fn };
Type type_ellipsis = { .base = STATIC_HDR, .name = "ellipsis", .basicsize = sizeof(NoneObj), .tp_repr = ellipsis_repr,
                           .tp_new = ellipsis_new_fn };

NoneObj vm_none = {{{0}, OBJ_STATIC, 0, &type_none}};
NoneObj vm_notimplemented = {{{0}, OBJ_STATIC, 0, &type_notimplemented}};
NoneObj vm_ellipsis = {{{0}, OBJ_STATIC, 0, &type_ellipsis}};

void func_init_types(void) {
    type_ready(&type_function);
    type_add_getsets(&type_function, function_getsets);
    type_ready(&type_method);
    type_add_getsets(&type_method, method_getsets);
    type_ready(&type_builtin_function);
    type_add_getsets(&type_builtin_function, builtin_getsets);
    type_ready(&type_method_descr);
    type_add_getsets(&type_method_descr, mdescr_getsets);
    type_ready(&type_classmethod_descr);
    type_add_getsets(&type_classmethod_descr, mdescr_getsets);
    type_ready(&type_getset_descr);
    type_ready(&type_property);
    type_add_methods(&type_property, property_methods);
    type_add_getsets(&type_property, property_getsets);
    type_ready(&type_staticmethod);
    type_add_getsets(&type_staticmethod, sm_getsets);
    type_ready(&type_classmethod);
    type_add_getsets(&type_classmethod, sm_getsets);
    type_ready(&type_cell);
    type_add_getsets(&type_cell, cell_getsets);
    type_ready(&type_code);
    type_add_getsets(&type_code, code_getsets);
    type_ready(&type_module);
    type_add_getsets(&type_module, module_getsets);
    type_ready(&type_none);
    type_ready(&type_notimplemented);
    type_ready(&type_ellipsis);
}
