/* error.c - raising exceptions, the exception types, tracebacks, and
 * printing an uncaught exception the way CPython's default excepthook does.
 *
 * A raised exception lives in vm->exc until something catches it; every C
 * function that fails returns its error value (VNULL / -1) after it is set.
 * Tracebacks are chains of (code, instruction offset, line) entries added
 * as the exception leaves each frame, newest last, like CPython's.
 */
#include "vm.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- formatting ---- */
static void fmt_into(VM *vm, StrBuf *sb, const char *fmt, va_list ap, bool *err) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { sb_putc(sb, *p); continue; }
        p++;
        bool zero = false;
        int width = 0;
        if (*p == '0') { zero = true; p++; }
        while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
        int lng = 0;
        while (*p == 'l') { lng++; p++; }
        bool z = false;
        if (*p == 'z') { z = true; p++; }
        char buf[64];
        switch (*p) {
        case 'd': case 'i': {
            long long v = z ? (long long)va_arg(ap, size_t) : lng ? va_arg(ap, long long) : va_arg(ap, int);
            snprintf(buf, sizeof buf, zero ? "%0*lld" : "%*lld", width, v);
            sb_puts(sb, buf);
            break;
        }
        case 'u': case 'x': {
            unsigned long long v = z ? va_arg(ap, size_t) : lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
            snprintf(buf, sizeof buf, *p == 'x' ? (zero ? "%0*llx" : "%*llx") : (zero ? "%0*llu" : "%*llu"), width, v);
            sb_puts(sb, buf);
            break;
        }
        case 'c': sb_putc(sb, (char)va_arg(ap, int)); break;
        case 's': sb_puts(sb, va_arg(ap, const char *)); break;
        case 'p': {
            void *ptr = va_arg(ap, void *);
            snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)(uintptr_t)ptr);
            sb_puts(sb, buf);
            break;
        }
        case 'R': case 'S': {
            Value v = va_arg(ap, Value);
            Value s = *p == 'R' ? vm_repr(vm, v) : vm_str(vm, v);
            if (!s) { *err = true; return; }
            sb_append(sb, str_cstr(s), (size_t)str_len(s));
            break;
        }
        case 'T': sb_puts(sb, v_type(va_arg(ap, Value))->name); break;
        case 'U': {
            Value v = va_arg(ap, Value);
            if (v && IS_STR(v)) sb_append(sb, str_cstr(v), (size_t)str_len(v));
            else sb_puts(sb, "?");
            break;
        }
        case 'N': sb_puts(sb, va_arg(ap, Type *)->name); break;
        case '%': sb_putc(sb, '%'); break;
        default: sb_putc(sb, '%'); sb_putc(sb, *p); break;
        }
    }
}

Value vm_format(VM *vm, const char *fmt, ...) {
    StrBuf sb = STRBUF_INIT;
    bool err = false;
    va_list ap;
    va_start(ap, fmt);
    fmt_into(vm, &sb, fmt, ap, &err);
    va_end(ap);
    if (err) { sb_free(&sb); return VNULL; }
    return str_from_sb(vm, &sb);
}

Value vm_raisev(VM *vm, Type *type, const char *fmt, va_list ap) {
    StrBuf sb = STRBUF_INIT;
    bool err = false;
    /* the exception being formatted may itself fail to format: keep the new one */
    fmt_into(vm, &sb, fmt, ap, &err);
    if (err) { sb_free(&sb); return VNULL; }
    Value msg = str_from_sb(vm, &sb);
    if (!msg) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, msg);
    Value e = exc_new(vm, type, &msg, 1);
    ROOTS_RESET(vm);
    if (!e) return VNULL;
    return vm_raise_value(vm, e);
}

Value vm_raise(VM *vm, Type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value r = vm_raisev(vm, type, fmt, ap);
    va_end(ap);
    return r;
}

/* MemoryError without allocating. */
static BaseExc nomem_exc;

Value vm_raise_nomem(VM *vm) {
    if (!nomem_exc.hdr.type) {
        nomem_exc.hdr.type = &exc_MemoryError;
        nomem_exc.hdr.flags = OBJ_STATIC;
        nomem_exc.args = VNULL;
    }
    nomem_exc.args = empty_tuple;
    nomem_exc.traceback = VNULL;
    nomem_exc.context = VNULL;
    nomem_exc.cause = VNULL;
    vm->exc = v_from_ptr(&nomem_exc);
    return VNULL;
}

Value vm_raise_value(VM *vm, Value exc) {
    if (!exc) return VNULL;
    if (IS_TYPE(exc)) {
        Type *t = AS(Type, exc);
        if (!(t->flags & TF_EXC_SUBCLASS)) return vm_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
        exc = vm_call0(vm, exc);
        if (!exc) return VNULL;
        if (!IS_EXC(exc))
            return vm_raise(vm, &exc_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                            t->name, v_type(exc)->name);
    }
    if (!IS_EXC(exc)) return vm_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
    /* implicit chaining: the exception being handled becomes the context */
    if (vm->handled && vm->handled != exc) {
        BaseExc *be = AS(BaseExc, exc);
        if (!(be->hdr.flags & OBJ_STATIC) && !RD(vm, be, be->context)) {
            /* avoid cycles: cut the chain if exc appears in handled's context chain */
            Value c = vm->handled;
            int guard = 0;
            while (c && guard++ < 1000) {
                BaseExc *cb = AS(BaseExc, c);
                Value next = RD(vm, cb, cb->context);
                if (next == exc) {
                    WR(vm, cb, cb->context, VNULL);
                    break;
                }
                c = next;
            }
            WR(vm, be, be->context, vm->handled);
        }
    }
    vm->exc = exc;
    return VNULL;
}

Value vm_raise_oserror(VM *vm, int err, Value filename) {
    Type *t = &exc_OSError;
    int e = -err;
    switch (err) {
    case PLAT_ENOENT: t = &exc_FileNotFoundError; break;
    case PLAT_EEXIST: t = &exc_FileExistsError; break;
    case PLAT_EISDIR: t = &exc_IsADirectoryError; break;
    case PLAT_ENOTDIR: t = &exc_NotADirectoryError; break;
    case PLAT_EACCES: t = &exc_PermissionError; break;
    case PLAT_EPIPE: t = &exc_BrokenPipeError; break;
    case PLAT_EINTR: t = &exc_InterruptedError; break;
    default: break;
    }
    Value msg = str_from_cstr(vm, plat_strerror(err));
    if (!msg) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, msg);
    Value args[3] = {v_from_small(e), msg, filename};
    Value exc = exc_new(vm, t, args, filename ? 3 : 2);
    ROOTS_RESET(vm);
    return vm_raise_value(vm, exc);
}

bool vm_exc_matches(VM *vm, Type *type) { return vm->exc && v_isinstance_of(vm->exc, type); }

Value vm_exc_fetch(VM *vm) {
    Value e = vm->exc;
    vm->exc = VNULL;
    return e;
}

void vm_exc_clear(VM *vm) { vm->exc = VNULL; }

/* ======================= exception objects ======================= */
static void exc_trace(GcTracer *g, Obj *o) {
    BaseExc *e = (BaseExc *)o;
    gc_mark_value(g, e->args);
    gc_mark_value(g, e->traceback);
    gc_mark_value(g, e->cause);
    gc_mark_value(g, e->context);
    gc_mark_value(g, e->notes);
    gc_mark_range(g, e->extra, 3);
}

Value exc_new(VM *vm, Type *type, Value *args, int nargs) {
    Value t = tuple_from_array(vm, args, nargs);
    if (!t) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, t);
    Value e;
    if (type->tp_new && type->tp_new != exc_BaseException.tp_new && (type->flags & TF_HEAPTYPE))
        e = vm_call(vm, v_from_ptr(type), args, nargs, VNULL);
    else {
        e = type->tp_new(vm, type, args, nargs, VNULL);
        if (e && v_type(e)->tp_init && v_isinstance_of(e, type)) {
            ROOT_PUSH(vm, e);
            if (v_type(e)->tp_init(vm, e, args, nargs, VNULL) < 0) e = VNULL;
        }
    }
    ROOTS_RESET(vm);
    return e;
}

Value exc_new_msg(VM *vm, Type *type, Value msg) { return exc_new(vm, type, &msg, 1); }

static Value exc_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    Value o = instance_alloc(vm, t);
    if (!o) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, o);
    Value a = tuple_from_array(vm, args, nargs);
    ROOTS_RESET(vm);
    if (!a) return VNULL;
    AS(BaseExc, o)->args = a;
    return o;
}

static int exc_init_fn(VM *vm, Value self, Value *args, int nargs, Value kwnames) {
    if (kwnames && tuple_len(kwnames)) {
        vm_raise(vm, &exc_TypeError, "%s() takes no keyword arguments", v_type(self)->name);
        return -1;
    }
    Value a = tuple_from_array(vm, args, nargs);
    if (!a) return -1;
    WR(vm, AS(BaseExc, self), AS(BaseExc, self)->args, a);
    return 0;
}

static Value exc_args(VM *vm, Value self) {
    Value a = RD(vm, AS(BaseExc, self), AS(BaseExc, self)->args);
    return a ? a : empty_tuple;
}

static Value exc_str(VM *vm, Value self) {
    Value a = exc_args(vm, self);
    int64_t n = tuple_len(a);
    if (n == 0) return NM(empty);
    if (n == 1) return vm_str(vm, tuple_items(a)[0]);
    return vm_str(vm, a);
}

static Value exc_repr(VM *vm, Value self) {
    Value a = exc_args(vm, self);
    Type *t = v_type(self);
    const char *name = t->name;
    if (tuple_len(a) == 1) {
        Value r = vm_repr(vm, tuple_items(a)[0]);
        if (!r) return VNULL;
        return vm_format(vm, "%s(%U)", name, r);
    }
    Value r = vm_repr(vm, a);
    if (!r) return VNULL;
    if (tuple_len(a) == 0) return vm_format(vm, "%s()", name);
    return vm_format(vm, "%s%U", name, r);
}

static Value eg_args(VM *vm, Value o) { return exc_args(vm, o); }
static int es_args(VM *vm, Value o, Value v) {
    if (!v) { vm_raise(vm, &exc_TypeError, "args may not be deleted"); return -1; }
    Value t = vm_sequence_to_tuple(vm, v);
    if (!t) return -1;
    WR(vm, AS(BaseExc, o), AS(BaseExc, o)->args, t);
    return 0;
}
static Value eg_tb(VM *vm, Value o) { Value t = RD(vm, AS(BaseExc, o), AS(BaseExc, o)->traceback); return t ? t : V_NONE; }
static int es_tb(VM *vm, Value o, Value v) {
    if (v && v != V_NONE && !v_is_type(v, &type_traceback)) {
        vm_raise(vm, &exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    WR(vm, AS(BaseExc, o), AS(BaseExc, o)->traceback, v == V_NONE ? VNULL : v);
    return 0;
}
static Value eg_cause(VM *vm, Value o) { Value t = RD(vm, AS(BaseExc, o), AS(BaseExc, o)->cause); return t ? t : V_NONE; }
static int es_cause(VM *vm, Value o, Value v) {
    if (v && v != V_NONE && !IS_EXC(v)) {
        vm_raise(vm, &exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    WR(vm, AS(BaseExc, o), AS(BaseExc, o)->cause, v == V_NONE ? VNULL : v);
    WRW(vm, AS(BaseExc, o), AS(BaseExc, o)->suppress_context, 1);
    return 0;
}
static Value eg_context(VM *vm, Value o) { Value t = RD(vm, AS(BaseExc, o), AS(BaseExc, o)->context); return t ? t : V_NONE; }
static int es_context(VM *vm, Value o, Value v) {
    if (v && v != V_NONE && !IS_EXC(v)) {
        vm_raise(vm, &exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    WR(vm, AS(BaseExc, o), AS(BaseExc, o)->context, v == V_NONE ? VNULL : v);
    return 0;
}
static Value eg_suppress(VM *vm, Value o) { return v_bool(RDW(vm, AS(BaseExc, o), AS(BaseExc, o)->suppress_context)); }
static int es_suppress(VM *vm, Value o, Value v) {
    int t = v ? vm_truthy(vm, v) : 0;
    if (t < 0) return -1;
    WRW(vm, AS(BaseExc, o), AS(BaseExc, o)->suppress_context, t);
    return 0;
}

void exc_set_context(VM *vm, Value exc, Value context) {
    if (exc && context && exc != context && IS_EXC(exc)) WR(vm, AS(BaseExc, exc), AS(BaseExc, exc)->context, context);
}

static Value exc_m_with_traceback(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    if (es_tb(vm, args[0], args[1]) < 0) return VNULL;
    return args[0];
}

static Value exc_m_add_note(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    if (!IS_STR(args[1])) return vm_raise(vm, &exc_TypeError, "note must be a str, not '%s'", v_type(args[1])->name);
    BaseExc *e = AS(BaseExc, args[0]);
    Value notes = RD(vm, e, e->notes);
    if (!notes) {
        notes = list_new(vm, 0);
        if (!notes) return VNULL;
        WR(vm, e, e->notes, notes);
        if (obj_set_own_attr(vm, args[0], str_intern_cstr(vm, "__notes__"), notes) < 0) return VNULL;
    }
    return list_append(vm, notes, args[1]) ? V_NONE : VNULL;
}

static Value exc_m_reduce(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    return tuple_pack(vm, 2, v_from_ptr(v_type(args[0])), exc_args(vm, args[0]));
}

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_m_with_traceback, 2, 2, 0, NULL},
    {"add_note", exc_m_add_note, 2, 2, 0, NULL},
    {"__reduce__", exc_m_reduce, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef exc_getsets[] = {
    {"args", eg_args, es_args, NULL},
    {"__traceback__", eg_tb, es_tb, NULL},
    {"__cause__", eg_cause, es_cause, NULL},
    {"__context__", eg_context, es_context, NULL},
    {"__suppress_context__", eg_suppress, es_suppress, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ---- subclasses with extra state ---- */
/* StopIteration.value, SystemExit.code */
static Value g_extra0(VM *vm, Value o) { Value v = RD(vm, AS(BaseExc, o), AS(BaseExc, o)->extra[0]); return v ? v : V_NONE; }
static int s_extra0(VM *vm, Value o, Value v) { WR(vm, AS(BaseExc, o), AS(BaseExc, o)->extra[0], v ? v : V_NONE); return 0; }
static Value g_extra1(VM *vm, Value o) { Value v = RD(vm, AS(BaseExc, o), AS(BaseExc, o)->extra[1]); return v ? v : V_NONE; }
static int s_extra1(VM *vm, Value o, Value v) { WR(vm, AS(BaseExc, o), AS(BaseExc, o)->extra[1], v ? v : V_NONE); return 0; }
static Value g_extra2(VM *vm, Value o) { Value v = RD(vm, AS(BaseExc, o), AS(BaseExc, o)->extra[2]); return v ? v : V_NONE; }
static int s_extra2(VM *vm, Value o, Value v) { WR(vm, AS(BaseExc, o), AS(BaseExc, o)->extra[2], v ? v : V_NONE); return 0; }

static int stopiter_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    if (exc_init_fn(vm, self, args, nargs, kw) < 0) return -1;
    WR(vm, AS(BaseExc, self), AS(BaseExc, self)->extra[0], nargs ? args[0] : V_NONE);
    return 0;
}
static const GetSetDef stopiter_getsets[] = { {"value", g_extra0, s_extra0, NULL}, {NULL, NULL, NULL, NULL} };

static int sysexit_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    if (exc_init_fn(vm, self, args, nargs, kw) < 0) return -1;
    Value code = nargs == 0 ? V_NONE : nargs == 1 ? args[0] : AS(BaseExc, self)->args;
    WR(vm, AS(BaseExc, self), AS(BaseExc, self)->extra[0], code);
    return 0;
}
static const GetSetDef sysexit_getsets[] = { {"code", g_extra0, s_extra0, NULL}, {NULL, NULL, NULL, NULL} };

static Value keyerror_str(VM *vm, Value self) {
    Value a = exc_args(vm, self);
    if (tuple_len(a) == 1) return vm_repr(vm, tuple_items(a)[0]);
    return exc_str(vm, self);
}

/* AttributeError(name=, obj=), NameError(name=), ImportError(name=, path=) */
static int kwattr_init(VM *vm, Value self, Value *args, int nargs, Value kwnames, const char *const *names) {
    Value a = tuple_from_array(vm, args, nargs);
    if (!a) return -1;
    WR(vm, AS(BaseExc, self), AS(BaseExc, self)->args, a);
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    for (int i = 0; i < nk; i++) {
        const char *k = str_cstr(tuple_items(kwnames)[i]);
        int slot = -1;
        for (int j = 0; names[j]; j++)
            if (!strcmp(k, names[j])) slot = j;
        if (slot < 0) {
            vm_raise(vm, &exc_TypeError, "%s() got an unexpected keyword argument '%s'", v_type(self)->name, k);
            return -1;
        }
        WR(vm, AS(BaseExc, self), AS(BaseExc, self)->extra[slot], args[nargs + i]);
    }
    if (v_isinstance_of(self, &exc_ImportError))
        WR(vm, AS(BaseExc, self), AS(BaseExc, self)->extra[2], nargs == 1 ? args[0] : V_NONE);
    return 0;
}
static int attrerr_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    static const char *const n[] = {"name", "obj", NULL};
    return kwattr_init(vm, self, args, nargs, kw, n);
}
static int nameerr_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    static const char *const n[] = {"name", NULL};
    return kwattr_init(vm, self, args, nargs, kw, n);
}
static int importerr_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    static const char *const n[] = {"name", "path", NULL};
    return kwattr_init(vm, self, args, nargs, kw, n);
}
static Value importerr_str(VM *vm, Value self) {
    Value m = RD(vm, AS(BaseExc, self), AS(BaseExc, self)->extra[2]);
    if (m && m != V_NONE) return vm_str(vm, m);
    return exc_str(vm, self);
}
static const GetSetDef attrerr_getsets[] = { {"name", g_extra0, s_extra0, NULL}, {"obj", g_extra1, s_extra1, NULL}, {NULL, NULL, NULL, NULL} };
static const GetSetDef nameerr_getsets[] = { {"name", g_extra0, s_extra0, NULL}, {NULL, NULL, NULL, NULL} };
static const GetSetDef importerr_getsets[] = {
    {"name", g_extra0, s_extra0, NULL}, {"path", g_extra1, s_extra1, NULL}, {"msg", g_extra2, s_extra2, NULL},
    {NULL, NULL, NULL, NULL}
};

/* OSError(errno, strerror[, filename]) maps errno to a subclass */
static Value oserror_new(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    if (t == &exc_OSError && nargs >= 2 && v_is_int(args[0])) {
        switch (v_int(args[0])) {
        case 2: t = &exc_FileNotFoundError; break;
        case 17: t = &exc_FileExistsError; break;
        case 21: t = &exc_IsADirectoryError; break;
        case 20: t = &exc_NotADirectoryError; break;
        case 13: case 1: t = &exc_PermissionError; break;
        case 32: t = &exc_BrokenPipeError; break;
        case 4: t = &exc_InterruptedError; break;
        case 11: t = &exc_BlockingIOError; break;
        case 10: t = &exc_ChildProcessError; break;
        case 3: t = &exc_ProcessLookupError; break;
        case 110: t = &exc_TimeoutError; break;
        case 111: t = &exc_ConnectionRefusedError; break;
        case 104: t = &exc_ConnectionResetError; break;
        case 103: t = &exc_ConnectionAbortedError; break;
        default: break;
        }
    }
    return exc_new_fn(vm, t, args, nargs, kwnames);
}

static int oserror_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    if (exc_init_fn(vm, self, args, nargs, kw) < 0) return -1;
    BaseExc *e = AS(BaseExc, self);
    if (nargs >= 2 && nargs <= 5) {
        WR(vm, e, e->extra[0], args[0]);
        WR(vm, e, e->extra[1], args[1]);
        if (nargs >= 3) {
            WR(vm, e, e->extra[2], args[2]);
            Value a = tuple_pack(vm, 2, args[0], args[1]);
            if (!a) return -1;
            WR(vm, e, e->args, a);
        }
    }
    return 0;
}

static Value oserror_str(VM *vm, Value self) {
    BaseExc *e = AS(BaseExc, self);
    Value en = RD(vm, e, e->extra[0]), se = RD(vm, e, e->extra[1]), fn = RD(vm, e, e->extra[2]);
    if (fn && fn != V_NONE) {
        Value r = vm_repr(vm, fn);
        if (!r) return VNULL;
        return vm_format(vm, "[Errno %S] %S: %U", en ? en : V_NONE, se ? se : V_NONE, r);
    }
    if (en && se) return vm_format(vm, "[Errno %S] %S", en, se);
    return exc_str(vm, self);
}
static const GetSetDef oserror_getsets[] = {
    {"errno", g_extra0, s_extra0, NULL}, {"strerror", g_extra1, s_extra1, NULL},
    {"filename", g_extra2, s_extra2, NULL}, {NULL, NULL, NULL, NULL}
};

/* SyntaxError: msg, (filename, lineno, offset, text, end_lineno, end_offset)
 * stored as attributes on the instance */
static int syntaxerr_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    if (exc_init_fn(vm, self, args, nargs, kw) < 0) return -1;
    static const char *const fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    Value nm = str_intern_cstr(vm, "msg");
    if (obj_set_own_attr(vm, self, nm, nargs ? args[0] : V_NONE) < 0) return -1;
    Value info = VNULL;
    if (nargs == 2) {
        info = vm_sequence_to_tuple(vm, args[1]);
        if (!info) return -1;
        if (tuple_len(info) < 4 || tuple_len(info) > 6) {
            vm_raise(vm, &exc_IndexError, "tuple index out of range");
            return -1;
        }
    }
    for (int i = 0; i < 6; i++) {
        Value v = info && i < tuple_len(info) ? tuple_items(info)[i] : V_NONE;
        if (obj_set_own_attr(vm, self, str_intern_cstr(vm, fields[i]), v) < 0) return -1;
    }
    if (obj_set_own_attr(vm, self, str_intern_cstr(vm, "print_file_and_line"), V_NONE) < 0) return -1;
    return 0;
}

static Value syntaxerr_str(VM *vm, Value self) {
    Value msg = obj_get_own_attr(vm, self, str_intern_cstr(vm, "msg"));
    Value fn = obj_get_own_attr(vm, self, NM(filename));
    Value ln = obj_get_own_attr(vm, self, NM(lineno));
    if (!msg) msg = V_NONE;
    Value ms = vm_str(vm, msg);
    if (!ms) return VNULL;
    bool have_fn = fn && IS_STR(fn), have_ln = ln && v_is_int(ln);
    if (have_fn) {
        const char *f = str_cstr(fn), *slash = strrchr(f, '/');
        const char *base = slash ? slash + 1 : f;
        if (have_ln) return vm_format(vm, "%U (%s, line %lld)", ms, base, (long long)v_int(ln));
        return vm_format(vm, "%U (%s)", ms, base);
    }
    if (have_ln) return vm_format(vm, "%U (line %lld)", ms, (long long)v_int(ln));
    return ms;
}

/* UnicodeDecodeError(encoding, object, start, end, reason) */
static int unicodeerr_init(VM *vm, Value self, Value *args, int nargs, Value kw) {
    if (exc_init_fn(vm, self, args, nargs, kw) < 0) return -1;
    static const char *const names[] = {"encoding", "object", "start", "end", "reason"};
    if (nargs == 5) {
        for (int i = 0; i < 5; i++)
            if (obj_set_own_attr(vm, self, str_intern_cstr(vm, names[i]), args[i]) < 0) return -1;
    }
    return 0;
}

static Value unicodeerr_str(VM *vm, Value self) {
    Value a = exc_args(vm, self);
    if (tuple_len(a) != 5) return exc_str(vm, self);
    Value *x = tuple_items(a);
    bool decode = v_isinstance_of(self, &exc_UnicodeDecodeError);
    int64_t st = v_is_int(x[2]) ? v_int(x[2]) : 0, en = v_is_int(x[3]) ? v_int(x[3]) : 0;
    if (decode) {
        const unsigned char *p;
        size_t n;
        if (bytes_like(vm, x[1], &p, &n) && en == st + 1 && (size_t)st < n)
            return vm_format(vm, "'%U' codec can't decode byte 0x%02x in position %lld: %U", x[0], (unsigned)p[st],
                             (long long)st, x[4]);
        return vm_format(vm, "'%U' codec can't decode bytes in position %lld-%lld: %U", x[0], (long long)st,
                         (long long)(en - 1), x[4]);
    }
    if (IS_STR(x[1]) && en == st + 1 && st < AS(Str, x[1])->nchars) {
        uint32_t c = str_char_at(x[1], st);
        const char *fmt = c <= 0xFF ? "'%U' codec can't encode character '\\x%02x' in position %lld: %U"
                        : c <= 0xFFFF ? "'%U' codec can't encode character '\\u%04x' in position %lld: %U"
                                      : "'%U' codec can't encode character '\\U%08x' in position %lld: %U";
        return vm_format(vm, fmt, x[0], (unsigned)c, (long long)st, x[4]);
    }
    return vm_format(vm, "'%U' codec can't encode characters in position %lld-%lld: %U", x[0], (long long)st,
                     (long long)(en - 1), x[4]);
}

/* ======================= tracebacks ======================= */
static void tb_trace(GcTracer *g, Obj *o) {
    Traceback *t = (Traceback *)o;
    gc_mark_value(g, t->next);
    gc_mark_ptr(g, t->code);
}

void exc_add_traceback(VM *vm, Value exc, Code *code, uint32_t *ip) {
    if (!IS_EXC(exc) || (OBJ(exc)->flags & OBJ_STATIC)) return;
    int64_t off = ip - code->code;
    if (off > 0) off--;             /* ip points after the failing instruction */
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, exc);
    Value saved = vm->exc;
    Traceback *tb = gc_alloc(vm, &type_traceback, sizeof(Traceback));
    vm->exc = saved;
    ROOTS_RESET(vm);
    if (!tb) return;
    BaseExc *e = AS(BaseExc, exc);
    tb->next = RD(vm, e, e->traceback);
    tb->code = code;
    tb->lasti = off;
    tb->lineno = code_addr2line(code, off);
    WR(vm, e, e->traceback, v_from_ptr(tb));
}

static Value tbg_next(VM *vm, Value o) { (void)vm; Value n = AS(Traceback, o)->next; return n ? n : V_NONE; }
static Value tbg_lineno(VM *vm, Value o) { (void)vm; return v_from_small(AS(Traceback, o)->lineno); }
static Value tbg_lasti(VM *vm, Value o) { (void)vm; return v_from_small(AS(Traceback, o)->lasti * 2); }
static Value tbg_code(VM *vm, Value o) { (void)vm; return v_from_ptr(AS(Traceback, o)->code); }
static const GetSetDef tb_getsets[] = {
    {"tb_next", tbg_next, NULL, NULL}, {"tb_lineno", tbg_lineno, NULL, NULL},
    {"tb_lasti", tbg_lasti, NULL, NULL}, {"tb_code", tbg_code, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* ======================= printing ======================= */
/* Source lines for tracebacks: sources registered by the compiler driver,
 * else read from the file. */
typedef struct SrcEntry { char *name; char *text; size_t len; struct SrcEntry *next; } SrcEntry;
static SrcEntry *sources;
static PlatMutex *src_lock;

void vm_register_source(const char *filename, const char *text, size_t len) {
    if (!src_lock) src_lock = plat_mutex_new();
    plat_mutex_lock(src_lock);
    for (SrcEntry *e = sources; e; e = e->next) {
        if (!strcmp(e->name, filename)) {
            /* a file compiled again (an embedding that runs "main.py"
             * repeatedly): its latest text is the one to show */
            char *t = malloc(len + 1);
            if (t) {
                memcpy(t, text, len);
                t[len] = 0;
                free(e->text);
                e->text = t;
                e->len = len;
            }
            plat_mutex_unlock(src_lock);
            return;
        }
    }
    SrcEntry *e = malloc(sizeof *e);
    if (e) {
        e->name = strdup(filename);
        e->text = malloc(len + 1);
        if (!e->name || !e->text) { free(e->name); free(e->text); free(e); plat_mutex_unlock(src_lock); return; }
        memcpy(e->text, text, len);
        e->text[len] = 0;
        e->len = len;
        e->next = sources;
        sources = e;
    }
    plat_mutex_unlock(src_lock);
}

static bool source_line(const char *filename, int64_t lineno, StrBuf *out) {
    if (!src_lock) src_lock = plat_mutex_new();
    if (lineno < 1 || filename[0] == '<') return false;
    const char *text = NULL;
    size_t len = 0;
    char *owned = NULL;
    plat_mutex_lock(src_lock);
    for (SrcEntry *e = sources; e; e = e->next)
        if (!strcmp(e->name, filename)) {
            /* copied: another thread may register a new text meanwhile */
            owned = malloc(e->len + 1);
            if (owned) {
                memcpy(owned, e->text, e->len);
                text = owned;
                len = e->len;
            }
            break;
        }
    plat_mutex_unlock(src_lock);
    if (!text) {
        if (plat_read_file(filename, &owned, &len) != 0) return false;
        text = owned;
    }
    const char *p = text, *end = text + len;
    for (int64_t l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) { p = end; break; }
        p = nl + 1;
    }
    bool ok = false;
    if (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
        while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
        if (e > p) {
            sb_append(out, p, (size_t)(e - p));
            ok = true;
        }
    }
    free(owned);
    return ok;
}

static void print_tb(VM *vm, StrBuf *sb, Value tbv) {
    /* the chain starts at the outermost frame, as CPython's */
    Traceback *items[2048];
    int n = 0;
    for (Value t = tbv; t && n < 2048; t = AS(Traceback, t)->next) items[n++] = AS(Traceback, t);
    sb_puts(sb, "Traceback (most recent call last):\n");
    const char *last_file = NULL;
    int64_t last_line = -1;
    Code *last_code = NULL;
    int repeat = 0;
    for (int i = 0; i < n; i++) {
        Traceback *t = items[i];
        const char *file = str_cstr(t->code->filename);
        if (last_file && !strcmp(file, last_file) && t->lineno == last_line && t->code == last_code) {
            repeat++;
            if (repeat >= 3) continue;
        } else {
            if (repeat >= 3) {
                char buf[96];
                snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
                sb_puts(sb, buf);
            }
            repeat = 0;
        }
        last_file = file;
        last_line = t->lineno;
        last_code = t->code;
        char buf[64];
        sb_puts(sb, "  File \"");
        sb_puts(sb, file);
        snprintf(buf, sizeof buf, "\", line %lld, in ", (long long)t->lineno);
        sb_puts(sb, buf);
        sb_append(sb, str_cstr(t->code->name), (size_t)str_len(t->code->name));
        sb_putc(sb, '\n');
        StrBuf line = STRBUF_INIT;
        if (source_line(file, t->lineno, &line)) {
            sb_puts(sb, "    ");
            sb_append(sb, line.data, line.len);
            sb_putc(sb, '\n');
        }
        sb_free(&line);
    }
    if (repeat >= 3) {
        char buf[96];
        snprintf(buf, sizeof buf, "  [Previous line repeated %d more time%s]\n", repeat - 2, repeat - 2 == 1 ? "" : "s");
        sb_puts(sb, buf);
    }
    (void)vm;
}

static void print_syntax_details(VM *vm, StrBuf *sb, Value exc) {
    Value fn = obj_get_own_attr(vm, exc, NM(filename));
    Value ln = obj_get_own_attr(vm, exc, NM(lineno));
    Value text = obj_get_own_attr(vm, exc, NM(text));
    Value off = obj_get_own_attr(vm, exc, NM(offset));
    Value eoff = obj_get_own_attr(vm, exc, NM(end_offset));
    Value eln = obj_get_own_attr(vm, exc, NM(end_lineno));
    char buf[64];
    sb_puts(sb, "  File \"");
    if (fn && IS_STR(fn)) sb_append(sb, str_cstr(fn), (size_t)str_len(fn));
    else sb_puts(sb, "<string>");
    sb_putc(sb, '"');
    if (ln && v_is_int(ln)) {
        snprintf(buf, sizeof buf, ", line %lld", (long long)v_int(ln));
        sb_puts(sb, buf);
    }
    sb_putc(sb, '\n');
    if (text && IS_STR(text)) {
        Str *t = AS(Str, text);
        /* strip the trailing newline and leading whitespace, adjusting the offset */
        int64_t start = 0, end = t->len;
        while (end > 0 && (t->data[end - 1] == '\n' || t->data[end - 1] == '\r')) end--;
        while (start < end && (t->data[start] == ' ' || t->data[start] == '\t' || t->data[start] == '\f')) start++;
        sb_puts(sb, "    ");
        sb_append(sb, t->data + start, (size_t)(end - start));
        sb_putc(sb, '\n');
        if (off && v_is_int(off) && v_int(off) > 0) {
            int64_t lead = utf8_count(t->data, (size_t)start);
            int64_t o = v_int(off) - 1 - lead;
            int64_t linelen = utf8_count(t->data + start, (size_t)(end - start));
            if (o < 0) o = 0;
            if (o > linelen) o = linelen;
            int64_t width = 1;
            bool same_line = !eln || !v_is_int(eln) || !ln || v_int(eln) == v_int(ln);
            if (eoff && v_is_int(eoff) && same_line && v_int(eoff) > v_int(off)) width = v_int(eoff) - v_int(off);
            if (o + width > linelen + 1) width = linelen + 1 - o;
            if (width < 1) width = 1;
            sb_puts(sb, "    ");
            sb_fill(sb, ' ', (size_t)o);
            sb_fill(sb, '^', (size_t)width);
            sb_putc(sb, '\n');
        }
    }
}

static void print_one(VM *vm, StrBuf *sb, Value exc) {
    Type *t = v_type(exc);
    BaseExc *e = AS(BaseExc, exc);
    Value tb = RD(vm, e, e->traceback);
    if (tb) print_tb(vm, sb, tb);
    if (v_isinstance_of(exc, &exc_SyntaxError)) print_syntax_details(vm, sb, exc);
    Value mod = (t->base.flags & OBJ_STATIC) ? VNULL : dict_get_str(vm, t->dict, NM(__module__));
    if (mod && IS_STR(mod) && strcmp(str_cstr(mod), "builtins") && strcmp(str_cstr(mod), "__main__")) {
        sb_append(sb, str_cstr(mod), (size_t)str_len(mod));
        sb_putc(sb, '.');
    }
    Value qn = t->v_qualname ? t->v_qualname : t->v_name;
    sb_append(sb, str_cstr(qn), (size_t)str_len(qn));
    Value saved = vm->exc;
    vm->exc = VNULL;
    Value s = v_isinstance_of(exc, &exc_SyntaxError) ? obj_get_own_attr(vm, exc, str_intern_cstr(vm, "msg")) : VNULL;
    if (s) s = vm_str(vm, s);
    else s = vm_str(vm, exc);
    if (!s) {
        vm->exc = VNULL;
        sb_puts(sb, ": <exception str() failed>");
    } else if (str_len(s) > 0) {
        sb_puts(sb, ": ");
        sb_append(sb, str_cstr(s), (size_t)str_len(s));
    }
    sb_putc(sb, '\n');
    Value notes = RD(vm, e, e->notes);
    if (notes && IS_LIST(notes)) {
        for (int64_t i = 0; i < list_len(vm, notes); i++) {
            Value nt = list_get(vm, notes, i);
            if (IS_STR(nt)) {
                sb_append(sb, str_cstr(nt), (size_t)str_len(nt));
                sb_putc(sb, '\n');
            }
        }
    }
    vm->exc = saved;
}

static void print_chain(VM *vm, StrBuf *sb, Value exc, int depth) {
    if (depth > 100) return;
    BaseExc *e = AS(BaseExc, exc);
    Value cause = RD(vm, e, e->cause), ctx = RD(vm, e, e->context);
    bool suppress = RDW(vm, e, e->suppress_context) != 0;
    if (cause && IS_EXC(cause)) {
        print_chain(vm, sb, cause, depth + 1);
        sb_puts(sb, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (ctx && IS_EXC(ctx) && !suppress) {
        print_chain(vm, sb, ctx, depth + 1);
        sb_puts(sb, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one(vm, sb, exc);
}

void vm_print_exception(VM *vm, Value exc) {
    StrBuf sb = STRBUF_INIT;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, exc);
    if (IS_EXC(exc)) print_chain(vm, &sb, exc, 0);
    else {
        sb_puts(&sb, "TypeError: print_exception(): Exception expected for value, ");
        sb_puts(&sb, v_type(exc)->name);
        sb_puts(&sb, " found\n");
    }
    ROOTS_RESET(vm);
    vm_flush_std(vm);
    vm_write(vm, 2, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
}

/* ======================= types ======================= */
#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
#define EXC(N, B) Type exc_##N = { .base = STATIC_HDR, .name = #N, .basicsize = sizeof(BaseExc) };
#include "exc_list.h"
#undef EXC

Type type_traceback = { .base = STATIC_HDR, .name = "traceback", .basicsize = sizeof(Traceback), .trace = tb_trace };

void exc_init_types(void) {
    Type *b = &exc_BaseException;
    b->flags = TF_BASETYPE | TF_EXC_SUBCLASS | TF_HAS_ATTRS;
    b->attr_offset = sizeof(BaseExc);
    b->inline_slots = 4;
    b->trace = exc_trace;
    b->tp_new = exc_new_fn;
    b->tp_init = exc_init_fn;
    b->tp_str = exc_str;
    b->tp_repr = exc_repr;
#define EXC(N, B) \
    if (&exc_##N != b) exc_##N.base_type = &exc_##B; \
    exc_##N.flags |= TF_BASETYPE | TF_EXC_SUBCLASS; \
    if (&exc_##N != b) exc_##N.trace = exc_trace;
#include "exc_list.h"
#undef EXC
    exc_StopIteration.tp_init = stopiter_init;
    exc_SystemExit.tp_init = sysexit_init;
    exc_KeyError.tp_str = keyerror_str;
    exc_AttributeError.tp_init = attrerr_init;
    exc_NameError.tp_init = nameerr_init;
    exc_ImportError.tp_init = importerr_init;
    exc_ImportError.tp_str = importerr_str;
    exc_OSError.tp_new = oserror_new;
    exc_OSError.tp_init = oserror_init;
    exc_OSError.tp_str = oserror_str;
    exc_SyntaxError.tp_init = syntaxerr_init;
    exc_SyntaxError.tp_str = syntaxerr_str;
    exc_UnicodeError.tp_init = unicodeerr_init;
    exc_UnicodeError.tp_str = unicodeerr_str;
#define EXC(N, B) type_ready(&exc_##N);
#include "exc_list.h"
#undef EXC
    type_add_methods(b, exc_methods);
    type_add_getsets(b, exc_getsets);
    type_add_getsets(&exc_StopIteration, stopiter_getsets);
    type_add_getsets(&exc_SystemExit, sysexit_getsets);
    type_add_getsets(&exc_AttributeError, attrerr_getsets);
    type_add_getsets(&exc_NameError, nameerr_getsets);
    type_add_getsets(&exc_ImportError, importerr_getsets);
    type_add_getsets(&exc_OSError, oserror_getsets);
    type_ready(&type_traceback);
    type_add_getsets(&type_traceback, tb_getsets);
}
