/* eval.c - the bytecode interpreter loop, calls and argument binding.
 *
 * One C invocation of vm_eval_frame runs an "entry" frame and every Python
 * frame that frame calls directly: calls from Python to Python push a frame
 * on the thread's frame arena and continue in the same loop, returns pop
 * it.  Built-ins that call back into Python start a nested invocation.
 *
 * Registers: ip (next instruction word), sp (value-stack top), f (frame).
 * SYNC() stores ip/sp in the frame before anything that can raise, call
 * back into Python, or reach a safe point, so that tracebacks, the GC and
 * the STM's conflict reports see the current position.
 *
 * Exceptions: the failing instruction sets vm->exc and jumps to `error`,
 * which records a traceback entry and unwinds the frame's block stack to
 * the innermost handler (or pops the frame and repeats in the caller).
 */
#include "vm.h"

#define GCACHE_GLOBALS ((uint64_t)1 << 62)
#define GCACHE_BUILTINS ((uint64_t)1 << 61)
#define GCACHE_IX (((uint64_t)1 << 48) - 1)
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

enum {
#define OP(name, flags, effect, comment) OP_##name,
#include "opcodes.h"
    OP__COUNT
};

Value vm_build_class(VM *vm, Value *args, int nargs, Value kwnames);
Value gen_new_from_frame(VM *vm, Function *fn, Frame *f);
Frame *gen_alloc_frame(VM *vm, Function *fn, Value *gen_out);

/* ---- argument binding ---- */
static Value fn_qualname(VM *vm, Function *fn) { return RD(vm, fn, fn->qualname); }

static void missing_args_error(VM *vm, Function *fn, Value *names, int n, bool kwonly) {
    StrBuf sb = STRBUF_INIT;
    for (int i = 0; i < n; i++) {
        if (i > 0) sb_puts(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_putc(&sb, '\'');
        sb_append(&sb, str_cstr(names[i]), (size_t)str_len(names[i]));
        sb_putc(&sb, '\'');
    }
    sb_putc(&sb, 0);
    vm_raise(vm, &exc_TypeError, "%U() missing %d required %s argument%s: %s", fn_qualname(vm, fn), n,
             kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", sb.data);
    sb_free(&sb);
}

static void too_many_positional(VM *vm, Function *fn, Frame *f, int nargs, int ndefaults) {
    Code *co = fn->code;
    int argcount = co->argcount;
    int kwonly_given = 0;
    for (int i = argcount; i < argcount + co->kwonlyargcount; i++)
        if (f->localsplus[i]) kwonly_given++;
    char sig[64];
    if (ndefaults) snprintf(sig, sizeof sig, "from %d to %d positional arguments", argcount - ndefaults, argcount);
    else snprintf(sig, sizeof sig, "%d positional argument%s", argcount, argcount == 1 ? "" : "s");
    char given[96];
    if (kwonly_given)
        snprintf(given, sizeof given, "%d positional argument%s (and %d keyword-only argument%s) were given", nargs,
                 nargs == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    else
        snprintf(given, sizeof given, "%d %s given", nargs, nargs == 1 ? "was" : "were");
    vm_raise(vm, &exc_TypeError, "%U() takes %s but %s", fn_qualname(vm, fn), sig, given);
}

bool frame_bind_args(VM *vm, Frame *f, Function *fn, Value *args, int nargs, Value kwnames) {
    Code *co = fn->code;
    Value *lp = f->localsplus;
    int argcount = co->argcount, kwcount = co->kwonlyargcount;
    int total = argcount + kwcount;
    int nkw = kwnames ? (int)tuple_len(kwnames) : 0;
    Value kwdict = VNULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new(vm);
        if (!kwdict) return false;
        lp[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    int n = nargs < argcount ? nargs : argcount;
    for (int i = 0; i < n; i++) lp[i] = args[i];
    if (co->flags & CO_VARARGS) {
        Value t = nargs > argcount ? tuple_from_array(vm, args + argcount, nargs - argcount) : empty_tuple;
        if (!t) return false;
        lp[total] = t;
    }
    Value *names = tuple_items(co->localsplusnames);
    for (int k = 0; k < nkw; k++) {
        Value key = tuple_items(kwnames)[k];
        Value val = args[nargs + k];
        int j;
        for (j = co->posonlyargcount; j < total; j++)
            if (names[j] == key) break;
        if (j == total) {
            for (j = co->posonlyargcount; j < total; j++)
                if (str_eq(names[j], key)) break;
        }
        if (j < total) {
            if (lp[j]) {
                vm_raise(vm, &exc_TypeError, "%U() got multiple values for argument '%U'", fn_qualname(vm, fn), key);
                return false;
            }
            lp[j] = val;
            continue;
        }
        if (kwdict) {
            if (dict_set(vm, kwdict, key, val) < 0) return false;
            continue;
        }
        for (j = 0; j < co->posonlyargcount; j++)
            if (str_eq(names[j], key)) break;
        if (j < co->posonlyargcount) {
            /* name every positional-only parameter passed by keyword */
            StrBuf sb = STRBUF_INIT;
            for (int k2 = 0; k2 < nkw; k2++) {
                Value key2 = tuple_items(kwnames)[k2];
                for (int j2 = 0; j2 < co->posonlyargcount; j2++) {
                    if (str_eq(names[j2], key2)) {
                        if (sb.len) sb_append(&sb, ", ", 2);
                        sb_append(&sb, str_cstr(key2), (size_t)str_len(key2));
                        break;
                    }
                }
            }
            sb_putc(&sb, 0);
            if (sb.oom) vm_raise_nomem(vm);
            else vm_raise(vm, &exc_TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%s'",
                          fn_qualname(vm, fn), sb.data);
            sb_free(&sb);
            return false;
        }
        vm_raise(vm, &exc_TypeError, "%U() got an unexpected keyword argument '%U'", fn_qualname(vm, fn), key);
        return false;
    }
    Value defaults = RD(vm, fn, fn->defaults);
    int ndefaults = defaults ? (int)tuple_len(defaults) : 0;
    if (nargs > argcount && !(co->flags & CO_VARARGS)) {
        too_many_positional(vm, fn, f, nargs, ndefaults);
        return false;
    }
    if (nargs < argcount) {
        int first_default = argcount - ndefaults;
        Value missing[64];
        int nmissing = 0;
        for (int i = nargs; i < argcount; i++) {
            if (lp[i]) continue;
            if (i >= first_default) lp[i] = tuple_items(defaults)[i - first_default];
            else if (nmissing < 64) missing[nmissing++] = names[i];
        }
        if (nmissing) {
            missing_args_error(vm, fn, missing, nmissing, false);
            return false;
        }
    }
    if (kwcount) {
        Value kwdefaults = RD(vm, fn, fn->kwdefaults);
        Value missing[64];
        int nmissing = 0;
        for (int i = argcount; i < total; i++) {
            if (lp[i]) continue;
            Value d = kwdefaults ? dict_get_str(vm, kwdefaults, names[i]) : VNULL;
            if (d) lp[i] = d;
            else if (nmissing < 64) missing[nmissing++] = names[i];
        }
        if (nmissing) {
            missing_args_error(vm, fn, missing, nmissing, true);
            return false;
        }
    }
    return true;
}

/* Cells and free variables of a new frame. */
static bool frame_init_cells(VM *vm, Frame *f, Function *fn) {
    Code *co = f->code;
    int base = co->nlocals;
    for (int i = 0; i < co->ncells; i++) {
        Cell *c = gc_alloc(vm, &type_cell, sizeof(Cell));
        if (!c) return false;
        int a = co->cell2arg[i];
        if (a >= 0) c->ref = f->localsplus[a];
        f->localsplus[base + i] = v_from_ptr(c);
    }
    if (co->nfree) {
        Value clo = fn ? fn->closure : VNULL;
        for (int i = 0; i < co->nfree; i++) f->localsplus[base + co->ncells + i] = clo ? tuple_items(clo)[i] : VNULL;
    }
    return true;
}

static bool check_recursion(VM *vm) {
    if (UNLIKELY(vm->depth > G->recursion_limit)) {
        vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    return true;
}

/* Push and bind a frame for fn; for generator functions returns the
 * generator in *gen instead. */
static Frame *prepare_call(VM *vm, Function *fn, Value *args, int nargs, Value kwnames, Value *gen) {
    Code *co = fn->code;
    *gen = VNULL;
    if (UNLIKELY(co->flags & CO_GENERATOR)) {
        Value g;
        Frame *f = gen_alloc_frame(vm, fn, &g);
        if (!f) return NULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, g);
        if (!frame_bind_args(vm, f, fn, args, nargs, kwnames) || !frame_init_cells(vm, f, fn)) {
            ROOTS_RESET(vm);
            return NULL;
        }
        ROOTS_RESET(vm);
        *gen = g;
        return NULL;
    }
    if (!check_recursion(vm)) return NULL;
    Frame *f = frame_push(vm, co, fn, fn->globals, VNULL);
    if (!f) return NULL;
    if (LIKELY(!kwnames && nargs == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) && co->kwonlyargcount == 0)) {
        if (nargs) memcpy(f->localsplus, args, (size_t)nargs * sizeof(Value));
    } else if (!frame_bind_args(vm, f, fn, args, nargs, kwnames)) {
        frame_pop(vm, f);
        return NULL;
    }
    if (co->ncells || co->nfree) {
        if (!frame_init_cells(vm, f, fn)) {
            frame_pop(vm, f);
            return NULL;
        }
    }
    return f;
}

Value vm_call_function(VM *vm, Function *fn, Value *args, int nargs, Value kwnames) {
    Value gen;
    Frame *f = prepare_call(vm, fn, args, nargs, kwnames, &gen);
    if (!f) return gen;        /* a generator, or VNULL on error */
    return vm_eval_frame(vm, f);
}

static Value eval_sliced(VM *vm, Frame *f);

Value vm_eval_code(VM *vm, Code *code, Value globals, Value locals) {
    if (!check_recursion(vm)) return VNULL;
    Frame *f = frame_push(vm, code, NULL, globals, locals);
    if (!f) return VNULL;
    Value b = dict_get_str(vm, globals, NM(__builtins__));
    if (b && v_is_type(b, &type_module)) b = AS(Module, b)->dict;
    if (b && IS_DICT(b)) f->builtins = b;
    if (code->ncells && !frame_init_cells(vm, f, NULL)) {
        frame_pop(vm, f);
        return VNULL;
    }
    /* module bodies always get a restart point: threads may start in them */
    return eval_sliced(vm, f);
}

/* Run a class body: the function's code with `ns` as its locals. */
Value vm_run_class_body(VM *vm, Function *fn, Value ns) {
    if (!check_recursion(vm)) return VNULL;
    Frame *f = frame_push(vm, fn->code, fn, fn->globals, ns);
    if (!f) return VNULL;
    if (!frame_init_cells(vm, f, fn)) {
        frame_pop(vm, f);
        return VNULL;
    }
    return vm_eval_frame(vm, f);
}

/* ---- helpers used by the loop ---- */
static Value load_global_slow(VM *vm, Frame *f, Value name) {
    Value v = dict_get_str(vm, f->globals, name);
    if (v) return v;
    v = dict_get_str(vm, f->builtins, name);
    if (v) return v;
    Value msg = vm_format(vm, "name '%U' is not defined", name);
    if (!msg) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, msg);
    Value e = exc_new_msg(vm, &exc_NameError, msg);
    if (e) AS(BaseExc, e)->extra[0] = name;
    ROOTS_RESET(vm);
    return vm_raise_value(vm, e);
}

static Value load_name(VM *vm, Frame *f, Value name) {
    Value locals = f->locals;
    if (locals) {
        if (v_is_type(locals, &type_dict)) {
            Value v = dict_get_str(vm, locals, name);
            if (v) return v;
        } else {
            Value v = vm_getitem(vm, locals, name);
            if (v) return v;
            if (!vm_exc_matches(vm, &exc_KeyError)) return VNULL;
            vm_exc_clear(vm);
        }
    }
    return load_global_slow(vm, f, name);
}

static int store_name(VM *vm, Frame *f, Value name, Value v) {
    Value locals = f->locals ? f->locals : f->globals;
    if (v_is_type(locals, &type_dict)) return dict_set_str(vm, locals, name, v);
    return vm_setitem(vm, locals, name, v);
}

static Value unbound_local(VM *vm, Code *co, int idx) {
    Value name = tuple_items(co->localsplusnames)[idx];
    if (idx >= co->nlocals + co->ncells)
        return vm_raise(vm, &exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
    return vm_raise(vm, &exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value", name);
}

/* obj.name as a method: [meth self] (*self_out set) or [attr NULL]. */
static Value load_method(VM *vm, Value obj, Value name, Value *self_out) {
    Type *t = v_type(obj);
    *self_out = VNULL;
    if (t->tp_getattro != type_object.tp_getattro) return vm_getattr(vm, obj, name);
    Value descr = type_lookup(vm, t, name);
    bool meth = false;
    if (descr) {
        Type *dt = v_type(descr);
        if (dt == &type_function || dt == &type_method_descr) meth = true;
        else if (dt->tp_descr_get && dt->tp_descr_set) return dt->tp_descr_get(vm, descr, obj, v_from_ptr(t));
    }
    Value v = obj_get_own_attr(vm, obj, name);
    if (v) return v;
    if (meth) {
        *self_out = obj;
        return descr;
    }
    if (descr) {
        DescrGetFn g = v_type(descr)->tp_descr_get;
        return g ? g(vm, descr, obj, v_from_ptr(t)) : descr;
    }
    return generic_getattr(vm, obj, name);   /* raises AttributeError */
}

static bool unpack_seq(VM *vm, Value seq, int n, Value *out) {
    /* out receives items in reverse order (top of stack = first item) */
    if (v_is_type(seq, &type_tuple) || v_is_type(seq, &type_list)) {
        int64_t len;
        Value *items;
        Value keep = VNULL;
        if (v_is_type(seq, &type_tuple)) { len = tuple_len(seq); items = tuple_items(seq); }
        else {
            keep = list_as_tuple(vm, seq);
            if (!keep) return false;
            len = tuple_len(keep);
            items = tuple_items(keep);
        }
        if (len != n) {
            if (len < n) vm_raise(vm, &exc_ValueError, "not enough values to unpack (expected %d, got %lld)", n, (long long)len);
            else vm_raise(vm, &exc_ValueError, "too many values to unpack (expected %d)", n);
            return false;
        }
        for (int i = 0; i < n; i++) out[n - 1 - i] = items[i];
        return true;
    }
    Value it = vm_iter(vm, seq);
    if (!it) {
        if (vm_exc_matches(vm, &exc_TypeError) && !v_type(seq)->tp_iter && !v_type(seq)->tp_getitem) {
            vm_exc_clear(vm);
            vm_raise(vm, &exc_TypeError, "cannot unpack non-iterable %s object", v_type(seq)->name);
        }
        return false;
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, it);
    for (int i = 0; i < n; i++) {
        Value x = vm_next(vm, it);
        if (!x) {
            ROOTS_RESET(vm);
            if (!vm->exc) vm_raise(vm, &exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, i);
            return false;
        }
        out[n - 1 - i] = x;
        ROOT_PUSH(vm, x);
    }
    Value extra = vm_next(vm, it);
    ROOTS_RESET(vm);
    if (extra) {
        vm_raise(vm, &exc_ValueError, "too many values to unpack (expected %d)", n);
        return false;
    }
    return vm->exc == VNULL;
}

static Value format_value(VM *vm, Value v, int conv, Value spec) {
    Value s = v;
    if (conv == 1) s = vm_str(vm, v);
    else if (conv == 2) s = vm_repr(vm, v);
    else if (conv == 3) s = vm_ascii(vm, v);
    if (!s) return VNULL;
    if (!spec && IS_EXACT_STR(s)) return s;
    if (!spec && v_is_int(s)) return int_to_str(vm, s, 10);
    return vm_format_value(vm, s, spec ? spec : NM(empty));
}

/* `except X`: X is an exception class or a flat tuple of them (CPython
 * 3.11 rejects nested tuples here). */
static bool exc_class_ok(Value type) { return IS_TYPE(type) && (AS(Type, type)->flags & TF_EXC_SUBCLASS); }

static bool exc_match_ok(VM *vm, Value type) {
    bool ok = true;
    if (IS_TUPLE(type)) {
        for (int64_t i = 0; i < tuple_len(type) && ok; i++) ok = exc_class_ok(tuple_items(type)[i]);
    } else {
        ok = exc_class_ok(type);
    }
    if (ok) return true;
    vm_raise(vm, &exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

static int do_raise(VM *vm, Value exc, Value cause) {
    if (!exc) {
        Value h = vm->handled;
        if (!h) {
            vm_raise(vm, &exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        vm->exc = h;
        return 1;   /* re-raise: no new traceback entry */
    }
    Value inst = exc;
    if (IS_TYPE(exc)) {
        if (!(AS(Type, exc)->flags & TF_EXC_SUBCLASS)) {
            vm_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
            return 0;
        }
        inst = vm_call0(vm, exc);
        if (!inst) return 0;
        if (!IS_EXC(inst)) {
            vm_raise(vm, &exc_TypeError, "calling %s should have returned an instance of BaseException, not %s",
                     AS(Type, exc)->name, v_type(inst)->name);
            return 0;
        }
    } else if (!IS_EXC(exc)) {
        vm_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
        return 0;
    }
    if (cause) {
        Value c = cause;
        if (IS_TYPE(cause)) {
            if (!(AS(Type, cause)->flags & TF_EXC_SUBCLASS)) {
                vm_raise(vm, &exc_TypeError, "exception causes must derive from BaseException");
                return 0;
            }
            c = vm_call0(vm, cause);
            if (!c) return 0;
        } else if (cause != V_NONE && !IS_EXC(cause)) {
            vm_raise(vm, &exc_TypeError, "exception causes must derive from BaseException");
            return 0;
        }
        BaseExc *be = AS(BaseExc, inst);
        WR(vm, be, be->cause, c == V_NONE ? VNULL : c);
        WRW(vm, be, be->suppress_context, 1);
    }
    vm_raise_value(vm, inst);
    return 0;
}

/* gen.c */
Value gen_send_ex(VM *vm, Value gen, Value v, bool *returned);
bool gen_is(Value v);
void gen_mark_finished(Generator *g);
void gen_mark_suspended(Generator *g, bool in_yield_from);

/* ======================= the loop ======================= */
static Value eval_loop(VM *vm, Frame *f, bool resume);

/* Every C-level entry into the loop.  Threads run as sequences of STM
 * transactions (slices, txn.c): a slice that begins at this level restarts,
 * after an abort, by re-entering the loop at the frame where it began, so
 * each level keeps a jmp_buf.  The single-threaded path has no setjmp. */
static NOINLINE Value eval_sliced(VM *vm, Frame *f) {
    jmp_buf jb;
    jmp_buf *outer = vm->level_jb;
    int32_t outer_depth = vm->level_depth;
    Frame *volatile start = f;
    volatile bool resume = false;
    if (setjmp(jb)) {
        /* a slice of this level aborted: txn.c restores the frames and
         * begins the next attempt, which restarts here */
        vm->level_jb = &jb;
        vm->level_depth = vm->eval_depth;
        txn_slice_retry(vm);
        start = vm->frame;
        resume = true;
        vm->eval_depth--;       /* eval_loop counts the level again */
    }
    vm->level_jb = &jb;
    vm->level_depth = vm->eval_depth + 1;
    Value r = eval_loop(vm, start, resume);
    vm->level_jb = outer;
    vm->level_depth = outer_depth;
    return r;
}

Value vm_eval_frame(VM *vm, Frame *f) {
    if (LIKELY(!vm->threaded)) return eval_loop(vm, f, false);
    return eval_sliced(vm, f);
}

/* Leaving a level (return, yield, exception): a slice begun at this level
 * must end first, since its restart point is going away. */
#define LEAVE_LEVEL() do { \
        if (UNLIKELY(vm->slice_level == vm->eval_depth)) txn_slice_level_exit(vm); \
        vm->eval_depth--; \
    } while (0)
/* Returning inline into an older frame: keep its state for a restart. */
#define INTO_CALLER(caller) do { if (UNLIKELY(f == vm->slice_base)) txn_slice_keep_frame(vm, caller); } while (0)

static Value eval_loop(VM *vm, Frame *f, bool resume) {
    static const void *const targets[256] = {
#define OP(name, flags, effect, comment) [OP_##name] = &&L_##name,
#include "opcodes.h"
    };
    register uint32_t *ip;
    register Value *sp;
    Value *lp;
    Code *co;
    Value *consts;
    uint32_t arg;
    bool reraise = false;

    if (!resume) f->entry = 1;
    if (UNLIKELY(vm_stack_exhausted(vm))) {
        vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
        if (!f->gen) frame_pop(vm, f);
        else { vm->frame = f->prev; vm->depth--; }
        return VNULL;
    }
    vm->eval_depth++;

#define LOAD_FRAME() do { co = f->code; ip = f->ip; sp = f->sp; lp = f->localsplus; consts = tuple_items(co->consts); } while (0)
#define SYNC() do { f->ip = ip; f->sp = sp; } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define NEXTW() (*ip++)
#ifdef TXPY_TRACE
static const char *const trace_names[] = {
#define OP(name, flags, effect, comment) #name,
#include "opcodes.h"
};
#define TRACE_OP(w) fprintf(stderr, "  [%s:%lld] %s %u sp=%lld\n", str_cstr(co->name), (long long)(ip - co->code), trace_names[(w) & 0xFF], (w) >> 8, (long long)(sp - f->stack))
#else
#define TRACE_OP(w) ((void)0)
#endif
/* f->ip is kept current (STM conflict sites and tracebacks read it). */
#define DISPATCH() do { uint32_t w__ = *ip++; f->ip = ip; TRACE_OP(w__); arg = w__ >> 8; goto *targets[w__ & 0xFF]; } while (0)
#define ERR() goto error

    LOAD_FRAME();
    if (UNLIKELY(f->throwing)) {
        /* resuming a generator with an exception thrown in */
        f->throwing = 0;
        goto error;
    }
    DISPATCH();

L_NOP:
    DISPATCH();
L_EXTENDED_ARG: {
        uint32_t w = *ip++;
        arg = (arg << 24) | (w >> 8);
        goto *targets[w & 0xFF];
    }
L_POP_TOP:
    sp--;
    DISPATCH();
L_COPY: {
        Value v = sp[-(int)arg];
        PUSH(v);
        DISPATCH();
    }
L_SWAP: {
        Value t = sp[-1];
        sp[-1] = sp[-(int)arg];
        sp[-(int)arg] = t;
        DISPATCH();
    }
L_LOAD_CONST:
    PUSH(consts[arg]);
    DISPATCH();
L_LOAD_FAST: {
        Value v = lp[arg];
        if (UNLIKELY(!v)) { SYNC(); unbound_local(vm, co, (int)arg); ERR(); }
        PUSH(v);
        DISPATCH();
    }
L_LOAD_FAST_PAIR: {
        Value a = lp[arg & 0xFFF], b = lp[arg >> 12];
        if (UNLIKELY(!a || !b)) { SYNC(); unbound_local(vm, co, (int)(!a ? (arg & 0xFFF) : (arg >> 12))); ERR(); }
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }
L_STORE_FAST:
    lp[arg] = POP();
    DISPATCH();
L_DELETE_FAST:
    if (!lp[arg]) { SYNC(); unbound_local(vm, co, (int)arg); ERR(); }
    lp[arg] = VNULL;
    DISPATCH();
L_LOAD_DEREF: {
        Cell *c = AS(Cell, lp[arg]);
        Value v = RD(vm, c, c->ref);
        if (UNLIKELY(!v)) { SYNC(); unbound_local(vm, co, (int)arg); ERR(); }
        PUSH(v);
        DISPATCH();
    }
L_STORE_DEREF: {
        Cell *c = AS(Cell, lp[arg]);
        WR(vm, c, c->ref, POP());
        DISPATCH();
    }
L_DELETE_DEREF: {
        Cell *c = AS(Cell, lp[arg]);
        if (!RD(vm, c, c->ref)) { SYNC(); unbound_local(vm, co, (int)arg); ERR(); }
        WR(vm, c, c->ref, VNULL);
        DISPATCH();
    }
L_LOAD_CLASSDEREF: {
        SYNC();
        Value name = tuple_items(co->localsplusnames)[arg];
        Value v = VNULL;
        if (f->locals) {
            if (v_is_type(f->locals, &type_dict)) v = dict_get_str(vm, f->locals, name);
            else {
                v = vm_getitem(vm, f->locals, name);
                if (!v) {
                    if (!vm_exc_matches(vm, &exc_KeyError)) ERR();
                    vm_exc_clear(vm);
                }
            }
        }
        if (!v) {
            Cell *c = AS(Cell, lp[arg]);
            v = RD(vm, c, c->ref);
            if (!v) { unbound_local(vm, co, (int)arg); ERR(); }
        }
        PUSH(v);
        DISPATCH();
    }
L_LOAD_GLOBAL: {
        /* The cache remembers the entry number where the name was found,
         * in globals or in builtins (GCACHE_*), checked by identity of the
         * entry's key: in a transaction that is two reads of shared words
         * instead of a probe of the table.  Interpreter-internal: written
         * with plain atomic stores, never STM state. */
        Value name = tuple_items(co->names)[arg];
        _Atomic uint64_t *cache = &co->caches[*ip++];
        SYNC();
        uint64_t c = atomic_load_explicit(cache, memory_order_relaxed);
        int64_t ix;
        Value v = (c & GCACHE_GLOBALS) ? dict_get_at(vm, f->globals, (int64_t)(c & GCACHE_IX), name) : VNULL;
        if (!v) {
            v = dict_get_str_ix(vm, f->globals, name, &ix);
            if (v) {
                if (ix >= 0) atomic_store_explicit(cache, GCACHE_GLOBALS | (uint64_t)ix, memory_order_relaxed);
            } else {
                v = (c & GCACHE_BUILTINS) ? dict_get_at(vm, f->builtins, (int64_t)(c & GCACHE_IX), name) : VNULL;
                if (!v) {
                    v = dict_get_str_ix(vm, f->builtins, name, &ix);
                    if (!v) { load_global_slow(vm, f, name); ERR(); }
                    if (ix >= 0) atomic_store_explicit(cache, GCACHE_BUILTINS | (uint64_t)ix, memory_order_relaxed);
                }
            }
        }
        PUSH(v);
        DISPATCH();
    }
L_STORE_GLOBAL: {
        SYNC();
        Value v = POP();
        if (dict_set_str(vm, f->globals, tuple_items(co->names)[arg], v) < 0) ERR();
        DISPATCH();
    }
L_DELETE_GLOBAL: {
        SYNC();
        Value name = tuple_items(co->names)[arg];
        int r = dict_pop_item(vm, f->globals, name, NULL);
        if (r < 0) ERR();
        if (r == 0) { vm_raise(vm, &exc_NameError, "name '%U' is not defined", name); ERR(); }
        DISPATCH();
    }
L_LOAD_NAME: {
        SYNC();
        Value v = load_name(vm, f, tuple_items(co->names)[arg]);
        if (!v) ERR();
        PUSH(v);
        DISPATCH();
    }
L_STORE_NAME: {
        SYNC();
        Value v = POP();
        SYNC();
        if (store_name(vm, f, tuple_items(co->names)[arg], v) < 0) ERR();
        DISPATCH();
    }
L_DELETE_NAME: {
        SYNC();
        Value name = tuple_items(co->names)[arg];
        Value locals = f->locals ? f->locals : f->globals;
        int r;
        if (v_is_type(locals, &type_dict)) r = dict_pop_item(vm, locals, name, NULL);
        else {
            r = vm_delitem(vm, locals, name) < 0 ? -1 : 1;
            if (r < 0 && vm_exc_matches(vm, &exc_KeyError)) { vm_exc_clear(vm); r = 0; }
        }
        if (r < 0) ERR();
        if (r == 0) { vm_raise(vm, &exc_NameError, "name '%U' is not defined", name); ERR(); }
        DISPATCH();
    }
L_LOAD_ATTR: {
        Value name = tuple_items(co->names)[arg];
        ip++;
        SYNC();
        Value o = TOP();
        Value v = vm_getattr(vm, o, name);
        if (!v) ERR();
        TOP() = v;
        DISPATCH();
    }
L_STORE_ATTR: {
        Value name = tuple_items(co->names)[arg];
        ip++;
        SYNC();
        Value o = sp[-1], v = sp[-2];
        if (vm_setattr(vm, o, name, v) < 0) ERR();
        sp -= 2;
        DISPATCH();
    }
L_DELETE_ATTR: {
        SYNC();
        if (vm_delattr(vm, TOP(), tuple_items(co->names)[arg]) < 0) ERR();
        sp--;
        DISPATCH();
    }
L_LOAD_METHOD: {
        Value name = tuple_items(co->names)[arg];
        ip++;
        SYNC();
        Value self;
        Value m = load_method(vm, TOP(), name, &self);
        if (!m) ERR();
        TOP() = m;
        PUSH(self);
        DISPATCH();
    }
L_BINARY_SUBSCR: {
        Value k = sp[-1], o = sp[-2];
        if (v_is_int(k) && v_is_obj(o)) {
            Type *t = OBJ(o)->type;
            if (t == &type_list) {
                List *l = AS(List, o);
                int64_t n = RDW(vm, l, l->size), i = v_int(k);
                if (i < 0) i += n;
                if ((uint64_t)i < (uint64_t)n) {
                    ValArray *a = (ValArray *)v_ptr(RD(vm, l, l->items));
                    sp[-2] = RD(vm, a, a->items[i]);
                    sp--;
                    DISPATCH();
                }
            } else if (t == &type_tuple) {
                int64_t n = tuple_len(o), i = v_int(k);
                if (i < 0) i += n;
                if ((uint64_t)i < (uint64_t)n) {
                    sp[-2] = tuple_items(o)[i];
                    sp--;
                    DISPATCH();
                }
            }
        }
        SYNC();
        Value r = vm_getitem(vm, o, k);
        if (!r) ERR();
        sp--;
        TOP() = r;
        DISPATCH();
    }
L_STORE_SUBSCR: {
        Value k = sp[-1], o = sp[-2], v = sp[-3];
        if (v_is_int(k) && v_is_type(o, &type_list)) {
            List *l = AS(List, o);
            int64_t n = RDW(vm, l, l->size), i = v_int(k);
            if (i < 0) i += n;
            if ((uint64_t)i < (uint64_t)n) {
                ValArray *a = (ValArray *)v_ptr(RD(vm, l, l->items));
                WR(vm, a, a->items[i], v);
                sp -= 3;
                DISPATCH();
            }
        }
        SYNC();
        if (vm_setitem(vm, o, k, v) < 0) ERR();
        sp -= 3;
        DISPATCH();
    }
L_DELETE_SUBSCR: {
        SYNC();
        if (vm_delitem(vm, sp[-2], sp[-1]) < 0) ERR();
        sp -= 2;
        DISPATCH();
    }
L_BUILD_SLICE: {
        SYNC();
        Value step = arg == 3 ? POP() : V_NONE;
        Value stop = sp[-1], start = sp[-2];
        Value s = slice_new(vm, start, stop, step);
        if (!s) ERR();
        sp--;
        TOP() = s;
        DISPATCH();
    }
L_BINARY_OP: {
        Value b = sp[-1], a = sp[-2];
        int op = (int)arg;
        if (v_both_int(a, b)) {
            int64_t x = v_int(a), y = v_int(b), r;
            switch (op >= NB_INPLACE ? op - NB_INPLACE : op) {
            case NB_ADD: r = x + y; goto int_result;
            case NB_SUB: r = x - y; goto int_result;
            case NB_MUL:
                if (__builtin_mul_overflow(x, y, &r)) break;
                goto int_result;
            case NB_AND: r = x & y; goto int_result;
            case NB_OR: r = x | y; goto int_result;
            case NB_XOR: r = x ^ y; goto int_result;
            case NB_MOD:
                if (y == 0) break;
                r = x % y;
                if (r != 0 && ((r < 0) != (y < 0))) r += y;
                goto int_result;
            case NB_FLOORDIV:
                if (y == 0) break;
                r = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
                goto int_result;
            case NB_RSHIFT:
                if (y < 0) break;
                r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
                goto int_result;
            default: break;
            }
            goto binop_slow;
        int_result:
            if (LIKELY(small_fits(r))) {
                sp--;
                TOP() = v_from_small(r);
                DISPATCH();
            }
            goto binop_slow;
        }
        if (v_is_float(a) || v_is_float(b)) {
            double x, y;
            if (v_is_float(a)) x = v_float(a); else if (v_is_int(a)) x = (double)v_int(a); else goto binop_slow;
            if (v_is_float(b)) y = v_float(b); else if (v_is_int(b)) y = (double)v_int(b); else goto binop_slow;
            switch (op >= NB_INPLACE ? op - NB_INPLACE : op) {
            case NB_ADD: sp--; TOP() = v_from_float(x + y); DISPATCH();
            case NB_SUB: sp--; TOP() = v_from_float(x - y); DISPATCH();
            case NB_MUL: sp--; TOP() = v_from_float(x * y); DISPATCH();
            case NB_TRUEDIV:
                if (y == 0.0) break;
                sp--;
                TOP() = v_from_float(x / y);
                DISPATCH();
            default: break;
            }
        }
    binop_slow:
        SYNC();
        Value r = op >= NB_INPLACE ? vm_inplace_op(vm, op - NB_INPLACE, a, b) : vm_binop(vm, op, a, b);
        if (!r) ERR();
        sp--;
        TOP() = r;
        DISPATCH();
    }
L_UNARY_NEGATIVE: {
        Value a = TOP();
        if (v_is_int(a) && v_int(a) != SMALL_INT_MIN) { TOP() = v_from_small(-v_int(a)); DISPATCH(); }
        if (v_is_float(a)) { TOP() = v_from_float(-v_float(a)); DISPATCH(); }
        SYNC();
        Value r = vm_neg(vm, a);
        if (!r) ERR();
        TOP() = r;
        DISPATCH();
    }
L_UNARY_POSITIVE: {
        Value a = TOP();
        if (v_is_int(a) || v_is_float(a)) DISPATCH();
        SYNC();
        Value r = vm_pos(vm, a);
        if (!r) ERR();
        TOP() = r;
        DISPATCH();
    }
L_UNARY_NOT: {
        Value a = TOP();
        if (a == V_TRUE) { TOP() = V_FALSE; DISPATCH(); }
        if (a == V_FALSE || a == V_NONE) { TOP() = V_TRUE; DISPATCH(); }
        SYNC();
        int t = vm_truthy(vm, a);
        if (t < 0) ERR();
        TOP() = v_bool(!t);
        DISPATCH();
    }
L_UNARY_INVERT: {
        Value a = TOP();
        if (v_is_int(a)) { TOP() = v_from_small(~v_int(a)); DISPATCH(); }
        SYNC();
        Value r = vm_invert(vm, a);
        if (!r) ERR();
        TOP() = r;
        DISPATCH();
    }
L_COMPARE_OP: {
        Value b = sp[-1], a = sp[-2];
        if (v_both_int(a, b)) {
            int64_t x = v_int(a), y = v_int(b);
            bool r;
            switch (arg) {
            case CMP_LT_OP: r = x < y; break;
            case CMP_LE_OP: r = x <= y; break;
            case CMP_EQ_OP: r = x == y; break;
            case CMP_NE_OP: r = x != y; break;
            case CMP_GT_OP: r = x > y; break;
            default: r = x >= y; break;
            }
            sp--;
            TOP() = v_bool(r);
            DISPATCH();
        }
        if (v_is_float(a) && v_is_float(b)) {
            double x = v_float(a), y = v_float(b);
            bool r;
            switch (arg) {
            case CMP_LT_OP: r = x < y; break;
            case CMP_LE_OP: r = x <= y; break;
            case CMP_EQ_OP: r = x == y; break;
            case CMP_NE_OP: r = x != y; break;
            case CMP_GT_OP: r = x > y; break;
            default: r = x >= y; break;
            }
            sp--;
            TOP() = v_bool(r);
            DISPATCH();
        }
        SYNC();
        Value r = vm_richcompare(vm, a, b, (int)arg);
        if (!r) ERR();
        sp--;
        TOP() = r;
        DISPATCH();
    }
L_IS_OP: {
        Value b = sp[-1], a = sp[-2];
        bool r = a == b;
        sp--;
        TOP() = v_bool(arg ? !r : r);
        DISPATCH();
    }
L_CONTAINS_OP: {
        SYNC();
        int r = vm_contains(vm, sp[-1], sp[-2]);
        if (r < 0) ERR();
        sp--;
        TOP() = v_bool(arg ? !r : r);
        DISPATCH();
    }
L_JUMP:
    ip = co->code + arg;
    DISPATCH();
L_JUMP_BACKWARD:
    ip = co->code + arg;
    if (UNLIKELY(--vm->ticks < 0)) {
        SYNC();
        if (vm_periodic(vm, true) < 0) ERR();
    }
    DISPATCH();
L_POP_JUMP_IF_FALSE: {
        Value v = POP();
        if (v == V_FALSE) { ip = co->code + arg; DISPATCH(); }
        if (v == V_TRUE) DISPATCH();
        SYNC();
        int t = vm_truthy(vm, v);
        if (t < 0) ERR();
        if (!t) ip = co->code + arg;
        DISPATCH();
    }
L_POP_JUMP_IF_TRUE: {
        Value v = POP();
        if (v == V_TRUE) { ip = co->code + arg; DISPATCH(); }
        if (v == V_FALSE) DISPATCH();
        SYNC();
        int t = vm_truthy(vm, v);
        if (t < 0) ERR();
        if (t) ip = co->code + arg;
        DISPATCH();
    }
L_POP_JUMP_IF_NONE:
    if (POP() == V_NONE) ip = co->code + arg;
    DISPATCH();
L_POP_JUMP_IF_NOT_NONE:
    if (POP() != V_NONE) ip = co->code + arg;
    DISPATCH();
L_JUMP_IF_FALSE_OR_POP: {
        Value v = TOP();
        int t = v == V_TRUE ? 1 : v == V_FALSE ? 0 : -2;
        if (t == -2) {
            SYNC();
            t = vm_truthy(vm, v);
            if (t < 0) ERR();
        }
        if (!t) ip = co->code + arg;
        else sp--;
        DISPATCH();
    }
L_JUMP_IF_TRUE_OR_POP: {
        Value v = TOP();
        int t = v == V_TRUE ? 1 : v == V_FALSE ? 0 : -2;
        if (t == -2) {
            SYNC();
            t = vm_truthy(vm, v);
            if (t < 0) ERR();
        }
        if (t) ip = co->code + arg;
        else sp--;
        DISPATCH();
    }
L_COMPARE_JUMP: {
        uint32_t cw = NEXTW();
        int cop = (int)(cw & 0xFF);
        bool jump_if_true = (cw & 0x100) != 0;
        Value b = sp[-1], a = sp[-2];
        int r;
        if (v_both_int(a, b)) {
            int64_t x = v_int(a), y = v_int(b);
            switch (cop) {
            case CMP_LT_OP: r = x < y; break;
            case CMP_LE_OP: r = x <= y; break;
            case CMP_EQ_OP: r = x == y; break;
            case CMP_NE_OP: r = x != y; break;
            case CMP_GT_OP: r = x > y; break;
            default: r = x >= y; break;
            }
        } else if (v_is_float(a) && v_is_float(b)) {
            double x = v_float(a), y = v_float(b);
            switch (cop) {
            case CMP_LT_OP: r = x < y; break;
            case CMP_LE_OP: r = x <= y; break;
            case CMP_EQ_OP: r = x == y; break;
            case CMP_NE_OP: r = x != y; break;
            case CMP_GT_OP: r = x > y; break;
            default: r = x >= y; break;
            }
        } else {
            SYNC();
            r = vm_compare_bool(vm, a, b, cop);
            if (r < 0) ERR();
        }
        sp -= 2;
        if ((r != 0) == jump_if_true) {
            uint32_t *target = co->code + arg;
            if (target < ip && UNLIKELY(--vm->ticks < 0)) {
                ip = target;
                SYNC();
                if (vm_periodic(vm, true) < 0) ERR();
            }
            ip = target;
        }
        DISPATCH();
    }
L_GET_ITER: {
        SYNC();
        Value it = vm_iter(vm, TOP());
        if (!it) ERR();
        TOP() = it;
        DISPATCH();
    }
L_FOR_ITER: {
        Value it = TOP();
        Type *t = OBJ(it)->type;
        SYNC();
        Value v = t->tp_iternext(vm, it);
        if (v) { PUSH(v); DISPATCH(); }
        if (vm->exc) ERR();
        sp--;
        ip = co->code + arg;
        DISPATCH();
    }
L_FOR_RANGE:
    goto L_FOR_ITER;
L_UNPACK_SEQUENCE: {
        SYNC();
        Value seq = POP();
        if (!unpack_seq(vm, seq, (int)arg, sp)) { sp++; ERR(); }
        sp += arg;
        DISPATCH();
    }
L_UNPACK_EX: {
        SYNC();
        int before = (int)(arg & 0xFF), after = (int)(arg >> 8);
        Value seq = TOP();
        Value l = list_from_iter(vm, seq);
        if (!l) {
            if (vm_exc_matches(vm, &exc_TypeError) && !v_type(seq)->tp_iter && !v_type(seq)->tp_getitem) {
                vm_exc_clear(vm);
                vm_raise(vm, &exc_TypeError, "cannot unpack non-iterable %s object", v_type(seq)->name);
            }
            ERR();
        }
        TOP() = l;   /* keep it rooted while we work */
        int64_t n = list_len(vm, l);
        if (n < before + after) {
            vm_raise(vm, &exc_ValueError, "not enough values to unpack (expected at least %d, got %lld)", before + after, (long long)n);
            ERR();
        }
        Value mid = list_new(vm, n - before - after);
        if (!mid) ERR();
        for (int64_t i = before; i < n - after; i++) list_set(vm, mid, i - before, list_get(vm, l, i));
        sp--;
        /* push in reverse: last item deepest */
        Value *base = sp;
        int total = before + 1 + after;
        for (int i = 0; i < after; i++) base[i] = list_get(vm, l, n - 1 - i);
        base[after] = mid;
        for (int i = 0; i < before; i++) base[after + 1 + i] = list_get(vm, l, before - 1 - i);
        sp += total;
        DISPATCH();
    }
L_BUILD_TUPLE: {
        SYNC();
        Value t = tuple_from_array(vm, sp - arg, arg);
        if (!t) ERR();
        sp -= arg;
        PUSH(t);
        DISPATCH();
    }
L_BUILD_LIST: {
        SYNC();
        Value l = list_from_array(vm, sp - arg, arg);
        if (!l) ERR();
        sp -= arg;
        PUSH(l);
        DISPATCH();
    }
L_BUILD_SET: {
        SYNC();
        Value s = set_new(vm, &type_set);
        if (!s) ERR();
        for (uint32_t i = 0; i < arg; i++) {
            if (set_add(vm, s, sp[-(int)arg + (int)i]) < 0) ERR();
        }
        sp -= arg;
        PUSH(s);
        DISPATCH();
    }
L_BUILD_MAP: {
        SYNC();
        Value d = dict_new_sized(vm, arg);
        if (!d) ERR();
        Value *items = sp - 2 * arg;
        for (uint32_t i = 0; i < arg; i++) {
            if (dict_set(vm, d, items[2 * i], items[2 * i + 1]) < 0) ERR();
        }
        sp -= 2 * arg;
        PUSH(d);
        DISPATCH();
    }
L_BUILD_STRING: {
        SYNC();
        Value r = str_concat_array(vm, sp - arg, (int)arg);
        if (!r) ERR();
        sp -= arg;
        PUSH(r);
        DISPATCH();
    }
L_LIST_APPEND: {
        Value v = POP();
        SYNC();
        if (!list_append(vm, sp[-(int)arg], v)) ERR();
        DISPATCH();
    }
L_SET_ADD: {
        Value v = POP();
        SYNC();
        if (set_add(vm, sp[-(int)arg], v) < 0) ERR();
        DISPATCH();
    }
L_MAP_ADD: {
        Value v = POP(), k = POP();
        SYNC();
        if (dict_set(vm, sp[-(int)arg], k, v) < 0) ERR();
        DISPATCH();
    }
L_LIST_EXTEND: {
        SYNC();
        Value it = TOP();
        Value l = sp[-1 - (int)arg];
        Value extra = list_from_iter(vm, it);
        if (!extra) {
            if (vm_exc_matches(vm, &exc_TypeError) && !v_type(it)->tp_iter && !v_type(it)->tp_getitem) {
                vm_exc_clear(vm);
                vm_raise(vm, &exc_TypeError, "Value after * must be an iterable, not %s", v_type(it)->name);
            }
            ERR();
        }
        TOP() = extra;
        int64_t n = list_len(vm, extra);
        for (int64_t i = 0; i < n; i++)
            if (!list_append(vm, l, list_get(vm, extra, i))) ERR();
        sp--;
        DISPATCH();
    }
L_SET_UPDATE: {
        SYNC();
        if (set_update(vm, sp[-1 - (int)arg], TOP()) < 0) ERR();
        sp--;
        DISPATCH();
    }
L_DICT_UPDATE: {
        SYNC();
        Value src = TOP();
        if (!IS_DICT(src)) {
            bool e2;
            Value k = vm_getattr_opt(vm, src, NM(keys), &e2);
            if (e2) ERR();
            if (!k) { vm_raise(vm, &exc_TypeError, "'%s' object is not a mapping", v_type(src)->name); ERR(); }
        }
        if (dict_update(vm, sp[-1 - (int)arg], src) < 0) ERR();
        sp--;
        DISPATCH();
    }
L_DICT_MERGE: {
        SYNC();
        /* the callable is below the args tuple and the dict: [f args d .. src] */
        Value func = sp[-3 - (int)arg];
        if (dict_merge_kwargs(vm, sp[-1 - (int)arg], TOP(), true, func) < 0) ERR();
        sp--;
        DISPATCH();
    }
L_LIST_TO_TUPLE: {
        SYNC();
        Value t = list_as_tuple(vm, TOP());
        if (!t) ERR();
        TOP() = t;
        DISPATCH();
    }
L_FORMAT_VALUE: {
        SYNC();
        Value spec = (arg & 4) ? POP() : VNULL;
        Value r = format_value(vm, TOP(), (int)(arg & 3), spec);
        if (!r) { if (spec) sp++; ERR(); }
        TOP() = r;
        DISPATCH();
    }

    /* ---- calls ----
     * Operands: CALL [f a1..an], CALL_KW [f a1..an] (+kwnames word),
     * CALL_METHOD [m self|NULL a1..an].  `base` is the first operand slot;
     * afterwards the result replaces everything from base up. */
    {
        Value callable;
        Value *base, *cargs;
        int cnargs;
        Value kwnames;
L_CALL:
        base = sp - arg - 1;
        callable = base[0];
        cargs = base + 1;
        cnargs = (int)arg;
        kwnames = VNULL;
        goto do_call;
L_CALL_KW:
        kwnames = consts[NEXTW()];
        base = sp - arg - 1;
        callable = base[0];
        cargs = base + 1;
        cnargs = (int)arg - (int)tuple_len(kwnames);
        goto do_call;
L_CALL_METHOD:
        kwnames = VNULL;
        base = sp - arg - 2;
        callable = base[0];
        if (base[1]) { cargs = base + 1; cnargs = (int)arg + 1; }
        else { cargs = base + 2; cnargs = (int)arg; }
        goto do_call;
L_CALL_METHOD_KW:
        kwnames = consts[NEXTW()];
        base = sp - arg - 2;
        callable = base[0];
        if (base[1]) { cargs = base + 1; cnargs = (int)arg + 1 - (int)tuple_len(kwnames); }
        else { cargs = base + 2; cnargs = (int)arg - (int)tuple_len(kwnames); }
        goto do_call;

    do_call:
        SYNC();
        if (UNLIKELY(--vm->ticks < 0)) {
            if (vm_periodic(vm, false) < 0) ERR();
        }
        if (v_is_type(callable, &type_function)) goto call_python;
        if (v_is_type(callable, &type_method) && v_is_type(AS(BoundMethod, callable)->func, &type_function)) {
            /* a bound method: self goes in the slot just below the arguments
             * (the callable's slot, or the NULL slot of CALL_METHOD) */
            Value self = AS(BoundMethod, callable)->self;
            callable = AS(BoundMethod, callable)->func;
            cargs--;
            cargs[0] = self;
            cnargs++;
            goto call_python;
        }
        {
            Value r;
            if (v_is_type(callable, &type_builtin_function) && !kwnames &&
                bf_is_module_func(AS(BuiltinFunction, callable))) {
                const MethodDef *d = AS(BuiltinFunction, callable)->def;
                if (cnargs >= d->min_args && (d->max_args < 0 || cnargs <= d->max_args)) r = d->fn(vm, cargs, cnargs, VNULL);
                else r = vm_call(vm, callable, cargs, cnargs, kwnames);
            } else {
                r = vm_call(vm, callable, cargs, cnargs, kwnames);
            }
            if (!r) ERR();
            sp = base;
            PUSH(r);
            DISPATCH();
        }
    call_python: {
            Function *fn = AS(Function, callable);
            Value gen;
            Frame *nf = prepare_call(vm, fn, cargs, cnargs, kwnames, &gen);
            if (!nf) {
                if (!gen) ERR();
                sp = base;
                PUSH(gen);
                DISPATCH();
            }
            /* the arguments now live in the callee: drop the operands */
            f->sp = base;
            f = nf;
            LOAD_FRAME();
            DISPATCH();
        }
    }
L_CALL_EX: {
        SYNC();
        Value kwargs = (arg & 1) ? POP() : VNULL;
        Value args = TOP();
        Value func = SECOND();
        if (!IS_TUPLE(args)) {
            Value t = vm_sequence_to_tuple(vm, args);
            if (!t) {
                if (vm_exc_matches(vm, &exc_TypeError) && !v_type(args)->tp_iter && !v_type(args)->tp_getitem) {
                    vm_exc_clear(vm);
                    Value fs = vm_function_str(vm, func);
                    if (fs) vm_raise(vm, &exc_TypeError, "%U argument after * must be an iterable, not %s", fs, v_type(args)->name);
                }
                if (kwargs) sp++;
                ERR();
            }
            TOP() = t;
            args = t;
        }
        if (kwargs) PUSH(kwargs);   /* keep rooted */
        SYNC();
        Value r = vm_call_tuple_dict(vm, func, args, kwargs);
        if (!r) ERR();
        sp -= kwargs ? 3 : 2;
        PUSH(r);
        DISPATCH();
    }
L_MAKE_FUNCTION: {
        SYNC();
        Value qualname = sp[-1], code = sp[-2];
        Value fnv = function_new(vm, AS(Code, code), f->globals, qualname);
        if (!fnv) ERR();
        Function *fn = AS(Function, fnv);
        Value *p = sp - 2;
        if (arg & 8) fn->closure = *--p;
        if (arg & 4) fn->annotations = *--p;
        if (arg & 2) fn->kwdefaults = *--p;
        if (arg & 1) fn->defaults = *--p;
        sp = p;
        PUSH(fnv);
        DISPATCH();
    }
L_RETURN_VALUE: {
        Value r = POP();
        if (f->gen) {
            gen_mark_finished(f->gen);
            f->ip = ip;
            f->sp = sp;
        }
        if (f->entry) {
            LEAVE_LEVEL();
            if (f->gen) { vm->frame = f->prev; vm->depth--; }
            else frame_pop(vm, f);
            return r;
        }
        Frame *caller = f->prev;
        INTO_CALLER(caller);
        frame_pop(vm, f);
        f = caller;
        LOAD_FRAME();          /* the caller's sp is the call's operand base */
        PUSH(r);
        DISPATCH();
    }
L_YIELD_VALUE: {
        Value v = POP();
        f->ip = ip;
        f->sp = sp;
        gen_mark_suspended(f->gen, (ip - co->code) >= 2 && (ip[-2] & 0xFF) == OP_SEND);
        LEAVE_LEVEL();
        vm->frame = f->prev;
        vm->depth--;
        return v;
    }
L_GET_YIELD_FROM_ITER: {
        Value o = TOP();
        if (!gen_is(o)) {
            SYNC();
            Value it = vm_iter(vm, o);
            if (!it) ERR();
            TOP() = it;
        }
        DISPATCH();
    }
L_SEND: {
        Value v = sp[-1], recv = sp[-2];
        SYNC();
        Value r;
        bool returned = false;
        if (gen_is(recv)) {
            r = gen_send_ex(vm, recv, v, &returned);
            if (!r && !returned) ERR();
        } else if (v == V_NONE && v_type(recv)->tp_iternext) {
            r = v_type(recv)->tp_iternext(vm, recv);
            if (!r) {
                if (vm->exc) {
                    if (!vm_exc_matches(vm, &exc_StopIteration)) ERR();
                    Value e = vm_exc_fetch(vm);
                    Value val = RD(vm, AS(BaseExc, e), AS(BaseExc, e)->extra[0]);
                    r = val ? val : V_NONE;
                } else {
                    r = V_NONE;
                }
                returned = true;
            }
        } else {
            r = vm_call_method(vm, recv, NM(send), &v, 1);
            if (!r) {
                if (!vm_exc_matches(vm, &exc_StopIteration)) ERR();
                Value e = vm_exc_fetch(vm);
                Value val = RD(vm, AS(BaseExc, e), AS(BaseExc, e)->extra[0]);
                r = val ? val : V_NONE;
                returned = true;
            }
        }
        if (returned) {
            sp -= 2;
            PUSH(r);
            ip = co->code + arg;
        } else {
            sp[-1] = r;
        }
        DISPATCH();
    }

    /* ---- exceptions and blocks ---- */
L_SETUP_FINALLY: {
        Block *b = &f->blocks[f->nblocks++];
        b->handler = (int32_t)arg;
        b->level = (int32_t)(sp - f->stack);
        DISPATCH();
    }
L_SETUP_CLEANUP: {
        Block *b = &f->blocks[f->nblocks++];
        b->handler = (int32_t)arg;
        b->level = (int32_t)(sp - f->stack) - 1;
        DISPATCH();
    }
L_SETUP_WITH: {
        SYNC();
        Value cm = TOP();
        Value enter = vm_lookup_special(vm, cm, NM(__enter__));
        if (!enter) {
            if (!vm->exc) vm_raise(vm, &exc_TypeError, "'%s' object does not support the context manager protocol", v_type(cm)->name);
            ERR();
        }
        PUSH(enter);
        Value exitf = vm_lookup_special(vm, cm, NM(__exit__));
        if (!exitf) {
            if (!vm->exc) vm_raise(vm, &exc_TypeError, "'%s' object does not support the context manager protocol (missed __exit__ method)", v_type(cm)->name);
            ERR();
        }
        sp[-2] = exitf;         /* [exit enter] */
        SYNC();
        Value res = vm_call0(vm, enter);
        if (!res) { sp--; ERR(); }
        sp--;                    /* [exit] */
        Block *b = &f->blocks[f->nblocks++];
        b->handler = (int32_t)arg;
        b->level = (int32_t)(sp - f->stack);
        PUSH(res);
        DISPATCH();
    }
L_POP_BLOCK:
    f->nblocks--;
    DISPATCH();
L_PUSH_EXC_INFO: {
        Value exc = TOP();
        Value prev = vm->handled;
        TOP() = prev ? prev : V_NONE;
        PUSH(exc);
        vm->handled = exc;
        DISPATCH();
    }
L_POP_EXCEPT: {
        Value prev = POP();
        vm->handled = prev == V_NONE ? VNULL : prev;
        DISPATCH();
    }
L_POP_EXCEPT_RERAISE: {
        Value exc = POP();
        Value prev = POP();
        vm->handled = prev == V_NONE ? VNULL : prev;
        vm->exc = exc;
        reraise = true;
        goto error;
    }
L_CHECK_EXC_MATCH: {
        SYNC();
        Value type = TOP(), exc = SECOND();
        if (!exc_match_ok(vm, type)) ERR();
        int r = vm_isinstance(vm, exc, type);
        if (r < 0) ERR();
        TOP() = v_bool(r);
        DISPATCH();
    }
L_RERAISE: {
        vm->exc = POP();
        reraise = true;
        goto error;
    }
L_RAISE_VARARGS: {
        SYNC();
        Value cause = arg >= 2 ? POP() : VNULL;
        Value exc = arg >= 1 ? POP() : VNULL;
        if (do_raise(vm, exc, cause)) reraise = true;
        goto error;
    }
L_WITH_EXCEPT_START: {
        SYNC();
        Value exc = sp[-1], exitf = sp[-3];
        Value tb = RD(vm, AS(BaseExc, exc), AS(BaseExc, exc)->traceback);
        Value r = vm_call3(vm, exitf, v_from_ptr(v_type(exc)), exc, tb ? tb : V_NONE);
        if (!r) ERR();
        PUSH(r);
        DISPATCH();
    }
L_WITH_EXIT: {
        SYNC();
        Value exitf = TOP();
        Value r = vm_call3(vm, exitf, V_NONE, V_NONE, V_NONE);
        if (!r) ERR();
        sp--;
        DISPATCH();
    }
L_LOAD_ASSERTION_ERROR:
    PUSH(v_from_ptr(&exc_AssertionError));
    DISPATCH();
L_LOAD_BUILD_CLASS: {
        SYNC();
        Value bc = dict_get_cstr(vm, f->builtins, "__build_class__");
        if (!bc) { vm_raise(vm, &exc_NameError, "__build_class__ not found"); ERR(); }
        PUSH(bc);
        DISPATCH();
    }
L_IMPORT_NAME: {
        SYNC();
        Value fromlist = sp[-1], level = sp[-2];
        Value m = vm_import(vm, tuple_items(co->names)[arg], fromlist, (int)v_int(level), f->globals);
        if (!m) ERR();
        sp--;
        TOP() = m;
        DISPATCH();
    }
L_IMPORT_FROM: {
        SYNC();
        Value v = vm_import_from(vm, TOP(), tuple_items(co->names)[arg]);
        if (!v) ERR();
        PUSH(v);
        DISPATCH();
    }
L_IMPORT_STAR: {
        SYNC();
        Value m = TOP();
        if (vm_import_star(vm, m, f->locals ? f->locals : f->globals) < 0) ERR();
        sp--;
        DISPATCH();
    }
L_SETUP_ANNOTATIONS: {
        SYNC();
        Value ns = f->locals ? f->locals : f->globals;
        bool e2;
        Value a = IS_DICT(ns) ? dict_get(vm, ns, NM(__annotations__), &e2) : VNULL;
        if (!a) {
            Value d = dict_new(vm);
            if (!d || vm_setitem(vm, ns, NM(__annotations__), d) < 0) ERR();
        }
        DISPATCH();
    }
L_STORE_ANNOTATION: {
        SYNC();
        Value ns = f->locals ? f->locals : f->globals;
        Value ann = vm_getitem(vm, ns, NM(__annotations__));
        if (!ann) ERR();
        if (vm_setitem(vm, ann, tuple_items(co->names)[arg], TOP()) < 0) ERR();
        sp--;
        DISPATCH();
    }
L_LOAD_CLASSCELL_INTO_NS: {
        SYNC();
        if (vm_setitem(vm, f->locals, NM(__classcell__), lp[arg]) < 0) ERR();
        DISPATCH();
    }
L_PRINT_EXPR: {
        SYNC();
        Value v = TOP();
        if (v != V_NONE) {
            Value hook = dict_get_str(vm, module_dict(G->sys_module), NM(displayhook));
            Value r = hook ? vm_call1(vm, hook, v) : VNULL;
            if (!r) ERR();
        }
        sp--;
        DISPATCH();
    }

error:
    SYNC();
    if (UNLIKELY(!vm->exc)) {
        /* a C function failed without saying why: a bug, reported as CPython does */
        vm_raise(vm, &exc_SystemError, "error return without exception set (in %U)", co->name);
    }
    if (!reraise) exc_add_traceback(vm, vm->exc, co, ip);
    reraise = false;
    for (;;) {
        if (f->nblocks > 0) {
            Block *b = &f->blocks[--f->nblocks];
            sp = f->stack + b->level;
            Value exc = vm->exc;
            vm->exc = VNULL;
            PUSH(exc);
            ip = co->code + b->handler;
            DISPATCH();
        }
        /* leave the frame */
        if (f->gen) {
            gen_mark_finished(f->gen);
            f->ip = ip;
            f->sp = f->stack;
        }
        if (f->entry) {
            LEAVE_LEVEL();
            if (f->gen) { vm->frame = f->prev; vm->depth--; }
            else frame_pop(vm, f);
            return VNULL;
        }
        Frame *caller = f->prev;
        INTO_CALLER(caller);
        frame_pop(vm, f);
        f = caller;
        LOAD_FRAME();
        exc_add_traceback(vm, vm->exc, co, ip);
    }
}
