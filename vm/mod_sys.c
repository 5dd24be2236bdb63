/* mod_sys.c - the sys module. */
#include "vm.h"
#include <string.h>
#include <stdlib.h>

extern int32_t int_max_str_digits;
extern const MethodDef displayhook_def;
Value generic_alias_new(VM *vm, Value origin, Value args);

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
#define UNUSED (void)nargs; (void)kw

M(s_exit) {
    (void)kw;
    Value code = nargs ? args[0] : V_NONE;
    return vm_raise_value(vm, exc_new(vm, &exc_SystemExit, &code, 1));
}

M(s_getrecursionlimit) { UNUSED; (void)args; (void)vm; return v_from_small(G->recursion_limit); }

M(s_setrecursionlimit) {
    UNUSED;
    int64_t n;
    if (!v_is_intlike(args[0])) return vm_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", v_type(args[0])->name);
    if (!vm_index_i64(vm, args[0], &n, NULL)) return VNULL;
    if (n < 1) return vm_raise(vm, &exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n <= vm->depth)
        return vm_raise(vm, &exc_RecursionError, "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        (long long)n, vm->depth);
    G->recursion_limit = n > 1000000 ? 1000000 : (int32_t)n;
    /* nested C-level evaluation is bounded separately by the C stack */
    return V_NONE;
}

M(s_exc_info) {
    UNUSED; (void)args;
    Value e = vm->handled;
    if (!e) return tuple_pack(vm, 3, V_NONE, V_NONE, V_NONE);
    Value tb = RD(vm, AS(BaseExc, e), AS(BaseExc, e)->traceback);
    return tuple_pack(vm, 3, v_from_ptr(v_type(e)), e, tb ? tb : V_NONE);
}

M(s_exception) { UNUSED; (void)args; return vm->handled ? vm->handled : V_NONE; }

M(s_getsizeof) {
    UNUSED;
    Value r = vm_lookup_special(vm, args[0], NM(__sizeof__));
    if (!r) {
        if (vm->exc) return VNULL;
        return v_from_small(16);
    }
    return vm_call0(vm, r);
}

M(s_intern) {
    UNUSED;
    if (!IS_EXACT_STR(args[0])) return vm_raise(vm, &exc_TypeError, "intern() argument must be str, not %s", v_type(args[0])->name);
    return str_intern(vm, args[0]);
}

M(s_excepthook) {
    UNUSED;
    vm_print_exception(vm, args[1]);
    return V_NONE;
}

M(s_get_int_max_str_digits) { UNUSED; (void)args; (void)vm; return v_from_small(int_max_str_digits); }

M(s_set_int_max_str_digits) {
    static const char *const names[] = {"maxdigits", NULL};
    Value out[1];
    if (!vm_parse_args(vm, "set_int_max_str_digits", args, nargs, kw, names, 0, 1, out)) return VNULL;
    int64_t n;
    if (!vm_index_i64(vm, out[0], &n, NULL)) return VNULL;
    if (n != 0 && n < 640) return vm_raise(vm, &exc_ValueError, "maxdigits must be 0 or larger than 640");
    int_max_str_digits = (int32_t)n;
    return V_NONE;
}

M(s_getdefaultencoding) { UNUSED; (void)args; return str_from_cstr(vm, "utf-8"); }

/* sys._getframe: frames are C structures that die with their calls, so a
 * frame object is a snapshot (globals, locals, code, line, and the
 * snapshots of the frames below it) taken when _getframe is called. */
typedef struct FrameSnap {
    Obj hdr;
    Value globals, locals, code, back;
    int64_t lineno;
} FrameSnap;

static Type type_framesnap;

static void framesnap_trace(GcTracer *g, Obj *o) {
    FrameSnap *f = (FrameSnap *)o;
    gc_mark_value(g, f->globals);
    gc_mark_value(g, f->locals);
    gc_mark_value(g, f->code);
    gc_mark_value(g, f->back);
}

/* The snapshot of f and, through f_back, of every frame below it. */
static Value frame_snapshot(VM *vm, Frame *f) {
    Value back = V_NONE;
    if (f->prev) {
        back = frame_snapshot(vm, f->prev);
        if (!back) return VNULL;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, back);
    Value locals = vm_frame_locals(vm, f);
    if (!locals) { ROOTS_RESET(vm); return VNULL; }
    ROOT_PUSH(vm, locals);
    FrameSnap *s = gc_alloc(vm, &type_framesnap, sizeof(FrameSnap));
    ROOTS_RESET(vm);
    if (!s) return VNULL;
    s->globals = f->globals;
    s->locals = locals;
    s->code = v_from_ptr(f->code);
    s->back = back;
    int64_t off = f->ip ? f->ip - f->code->code : 0;
    s->lineno = code_addr2line(f->code, off > 0 ? off - 1 : 0);
    return v_from_ptr(s);
}

M(s_getframe) {
    UNUSED;
    int64_t depth = 0;
    if (nargs > 0 && !vm_index_i64(vm, args[0], &depth, &exc_OverflowError)) return VNULL;
    Frame *f = vm->frame;
    for (int64_t i = 0; f && i < depth; i++) f = f->prev;
    if (!f || depth < 0) return vm_raise(vm, &exc_ValueError, "call stack is not deep enough");
    if (vm_stack_exhausted(vm)) return vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
    return frame_snapshot(vm, f);
}

static Value fs_globals(VM *vm, Value o) { (void)vm; return AS(FrameSnap, o)->globals; }
static Value fs_locals(VM *vm, Value o) { (void)vm; return AS(FrameSnap, o)->locals; }
static Value fs_code(VM *vm, Value o) { (void)vm; return AS(FrameSnap, o)->code; }
static Value fs_back(VM *vm, Value o) { (void)vm; return AS(FrameSnap, o)->back; }
static Value fs_lineno(VM *vm, Value o) { (void)vm; return v_from_small(AS(FrameSnap, o)->lineno); }
static Value fs_builtins(VM *vm, Value o) { (void)o; return G->builtins ? G->builtins : vm_raise(vm, &exc_AttributeError, "f_builtins"); }
static const GetSetDef framesnap_getsets[] = {
    {"f_globals", fs_globals, NULL, NULL}, {"f_locals", fs_locals, NULL, NULL},
    {"f_code", fs_code, NULL, NULL}, {"f_back", fs_back, NULL, NULL},
    {"f_lineno", fs_lineno, NULL, NULL}, {"f_builtins", fs_builtins, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static Value framesnap_repr(VM *vm, Value self) {
    FrameSnap *f = AS(FrameSnap, self);
    Code *c = AS(Code, f->code);
    return vm_format(vm, "<frame, file '%U', line %d, code %U>", c->filename, (int)f->lineno, c->name);
}

static Type type_framesnap = { .base = {{0}, OBJ_STATIC, 0, &type_type}, .name = "frame", .basicsize = sizeof(FrameSnap),
                               .trace = framesnap_trace, .tp_repr = framesnap_repr };

static double switch_interval = 0.005;
M(s_getswitchinterval) { UNUSED; (void)args; (void)vm; return v_from_float(switch_interval); }
M(s_setswitchinterval) {
    UNUSED;
    double d;
    if (!v_to_double(vm, args[0], &d)) return VNULL;
    if (d <= 0) return vm_raise(vm, &exc_ValueError, "switch interval must be strictly positive");
    switch_interval = d;
    return V_NONE;
}

static const MethodDef sys_defs[] = {
    {"exit", s_exit, 0, 1, 0, NULL},
    {"getrecursionlimit", s_getrecursionlimit, 0, 0, 0, NULL},
    {"setrecursionlimit", s_setrecursionlimit, 1, 1, 0, NULL},
    {"exc_info", s_exc_info, 0, 0, 0, NULL},
    {"exception", s_exception, 0, 0, 0, NULL},
    {"getsizeof", s_getsizeof, 1, 2, 0, NULL},
    {"intern", s_intern, 1, 1, 0, NULL},
    {"excepthook", s_excepthook, 3, 3, 0, NULL},
    {"get_int_max_str_digits", s_get_int_max_str_digits, 0, 0, 0, NULL},
    {"set_int_max_str_digits", s_set_int_max_str_digits, 0, 1, MF_KW, NULL},
    {"getdefaultencoding", s_getdefaultencoding, 0, 0, 0, NULL},
    {"getfilesystemencoding", s_getdefaultencoding, 0, 0, 0, NULL},
    {"_getframe", s_getframe, 0, 1, 0, NULL},
    {"getswitchinterval", s_getswitchinterval, 0, 0, 0, NULL},
    {"setswitchinterval", s_setswitchinterval, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

/* sys.version_info and friends: tuples with named fields */
typedef struct NamedFields { const char *const *names; int n; } NamedFields;
static const char *const vi_names[] = {"major", "minor", "micro", "releaselevel", "serial"};
static const char *const fi_names[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                       "mant_dig", "epsilon", "radix", "rounds"};
static const char *const ii_names[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"};
static const char *const hi_names[] = {"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"};
static const char *const impl_names[] = {"name", "cache_tag", "version"};

Type type_version_info, type_float_info, type_int_info, type_hash_info, type_flags;

static const char *const *fields_of(Type *t, int *n) {
    if (t == &type_version_info) { *n = 5; return vi_names; }
    if (t == &type_float_info) { *n = 11; return fi_names; }
    if (t == &type_int_info) { *n = 4; return ii_names; }
    *n = 9;
    return hi_names;
}

static Value nt_getattro(VM *vm, Value obj, Value name) {
    int n;
    const char *const *names = fields_of(v_type(obj), &n);
    const char *s = str_cstr(name);
    for (int i = 0; i < n && i < tuple_len(obj); i++)
        if (!strcmp(names[i], s)) return tuple_items(obj)[i];
    return generic_getattr(vm, obj, name);
}

static Value nt_repr(VM *vm, Value obj) {
    int n;
    const char *const *names = fields_of(v_type(obj), &n);
    StrBuf sb = STRBUF_INIT;
    sb_puts(&sb, v_type(obj)->name);
    sb_putc(&sb, '(');
    for (int i = 0; i < n && i < tuple_len(obj); i++) {
        if (i) sb_puts(&sb, ", ");
        sb_puts(&sb, names[i]);
        sb_putc(&sb, '=');
        Value r = vm_repr(vm, tuple_items(obj)[i]);
        if (!r) { sb_free(&sb); return VNULL; }
        sb_append(&sb, str_cstr(r), (size_t)str_len(r));
    }
    sb_putc(&sb, ')');
    return str_from_sb(vm, &sb);
}

static Value make_nt(VM *vm, Type *t, Value *items, int n) {
    Value tup = tuple_from_array(vm, items, n);
    if (!tup) return VNULL;
    OBJ(tup)->type = t;
    return tup;
}

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_version_info = { .base = STATIC_HDR, .name = "sys.version_info", .basicsize = sizeof(Tuple),
                           .tp_getattro = nt_getattro, .tp_repr = nt_repr };
Type type_float_info = { .base = STATIC_HDR, .name = "sys.float_info", .basicsize = sizeof(Tuple),
                         .tp_getattro = nt_getattro, .tp_repr = nt_repr };
Type type_int_info = { .base = STATIC_HDR, .name = "sys.int_info", .basicsize = sizeof(Tuple),
                       .tp_getattro = nt_getattro, .tp_repr = nt_repr };
Type type_hash_info = { .base = STATIC_HDR, .name = "sys.hash_info", .basicsize = sizeof(Tuple),
                        .tp_getattro = nt_getattro, .tp_repr = nt_repr };

static void set(VM *vm, Value d, const char *name, Value v) {
    if (v) dict_set_cstr(vm, d, name, v);
}

Value mod_sys_init(VM *vm) {
    if (!type_framesnap.dict) {
        type_ready(&type_framesnap);
        type_add_getsets(&type_framesnap, framesnap_getsets);
    }
    Type *nts[] = {&type_version_info, &type_float_info, &type_int_info, &type_hash_info};
    for (int i = 0; i < 4; i++) {
        nts[i]->base_type = &type_tuple;
        type_ready(nts[i]);
    }
    Value m = vm_new_module(vm, "sys");
    if (!m) return VNULL;
    Value d = AS(Module, m)->dict;
    for (const MethodDef *def = sys_defs; def->name; def++)
        set(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    set(vm, d, "__excepthook__", dict_get_cstr(vm, d, "excepthook"));
    set(vm, d, "displayhook", builtin_function_new(vm, &displayhook_def, m, VNULL));
    set(vm, d, "__displayhook__", dict_get_cstr(vm, d, "displayhook"));
    set(vm, d, "argv", G->argv);
    set(vm, d, "orig_argv", G->argv);
    set(vm, d, "path", G->sys_path);
    set(vm, d, "modules", G->modules);
    set(vm, d, "stdout", G->stdout_obj);
    set(vm, d, "stderr", G->stderr_obj);
    set(vm, d, "stdin", G->stdin_obj);
    set(vm, d, "__stdout__", G->stdout_obj);
    set(vm, d, "__stderr__", G->stderr_obj);
    set(vm, d, "__stdin__", G->stdin_obj);
    set(vm, d, "platform", str_from_cstr(vm, plat_name()));
    set(vm, d, "byteorder", str_from_cstr(vm, "little"));
    set(vm, d, "maxsize", int_from_i64(vm, INT64_MAX));
    set(vm, d, "maxunicode", v_from_small(0x10FFFF));
    set(vm, d, "float_repr_style", str_from_cstr(vm, "short"));
    set(vm, d, "version", str_from_cstr(vm, TXPY_PY_VERSION " (txpy " TXPY_VERSION ")"));
    set(vm, d, "api_version", v_from_small(1013));
    set(vm, d, "hexversion", v_from_small(0x030B00F0));
    set(vm, d, "copyright", str_from_cstr(vm, "Copyright (c) the txpy authors."));
    set(vm, d, "executable", str_from_cstr(vm, "txpy"));
    set(vm, d, "prefix", str_from_cstr(vm, ""));
    set(vm, d, "dont_write_bytecode", V_TRUE);
    set(vm, d, "warnoptions", list_new(vm, 0));
    Value vi[5] = {v_from_small(3), v_from_small(11), v_from_small(0), str_from_cstr(vm, "final"), v_from_small(0)};
    set(vm, d, "version_info", make_nt(vm, &type_version_info, vi, 5));
    Value fi[11] = {v_from_float(1.7976931348623157e308), v_from_small(1024), v_from_small(308),
                    v_from_float(2.2250738585072014e-308), v_from_small(-1021), v_from_small(-307), v_from_small(15),
                    v_from_small(53), v_from_float(2.220446049250313e-16), v_from_small(2), v_from_small(1)};
    set(vm, d, "float_info", make_nt(vm, &type_float_info, fi, 11));
    Value ii[4] = {v_from_small(30), v_from_small(4), v_from_small(4300), v_from_small(640)};
    set(vm, d, "int_info", make_nt(vm, &type_int_info, ii, 4));
    Value hi[9] = {v_from_small(64), int_from_i64(vm, (INT64_C(1) << 61) - 1), v_from_small(314159), v_from_small(0),
                   v_from_small(1000003), str_from_cstr(vm, "txpy"), v_from_small(64), v_from_small(128), v_from_small(0)};
    set(vm, d, "hash_info", make_nt(vm, &type_hash_info, hi, 9));
    Value impl_ns = dict_new(vm);
    if (impl_ns) {
        dict_set_cstr(vm, impl_ns, "name", str_from_cstr(vm, "txpy"));
        dict_set_cstr(vm, impl_ns, "cache_tag", V_NONE);
        dict_set_cstr(vm, impl_ns, "version", make_nt(vm, &type_version_info, vi, 5));
    }
    set(vm, d, "_txpy_implementation", impl_ns);
    Value names = tuple_new(vm, 0);
    set(vm, d, "builtin_module_names", names);
    (void)impl_names;
    (void)generic_alias_new;
    return m;
}

void sys_set_argv(VM *vm, int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        Value s = str_from_cstr(vm, argv[i]);
        if (s) list_append(vm, G->argv, s);
    }
}
