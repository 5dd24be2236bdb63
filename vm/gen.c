/* gen.c - generator objects.
 *
 * A generator owns its frame: the frame lives in the same allocation as the
 * generator object, so suspending needs no copying.  Resuming links the
 * frame into the thread's frame chain and runs vm_eval_frame on it; the
 * loop returns at YIELD_VALUE (state SUSPENDED) or when the frame finishes
 * (state FINISHED).  While suspended inside `yield from`, the delegate
 * iterator is the frame's top of stack and throw()/close() go to it first.
 */
#include "vm.h"
#include <string.h>

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED };

enum {
#define OP(name, flags, effect, comment) OP_##name,
#include "opcodes.h"
    OP__COUNT
};

struct Generator {
    Obj hdr;
    Value name, qualname;
    Value exc_state;            /* the exception being handled inside, while suspended */
    int32_t state;
    bool in_yield_from;
    Frame *frame;               /* storage right after this header */
};

static void gen_trace(GcTracer *g, Obj *o) {
    Generator *gen = (Generator *)o;
    gc_mark_value(g, gen->name);
    gc_mark_value(g, gen->qualname);
    gc_mark_value(g, gen->exc_state);
    Frame *f = gen->frame;
    gc_mark_ptr(g, f->code);
    gc_mark_ptr(g, f->func);
    gc_mark_value(g, f->globals);
    gc_mark_value(g, f->builtins);
    gc_mark_value(g, f->locals);
    gc_mark_range(g, f->localsplus, (size_t)f->code->nlocalsplus);
    if (gen->state != GEN_FINISHED && f->sp >= f->stack) gc_mark_range(g, f->stack, (size_t)(f->sp - f->stack));
}

bool gen_is(Value v) { return v_is_type(v, &type_generator); }

#define GEN_HDR ((sizeof(Generator) + 15) & ~(size_t)15)

void gen_mark_finished(Generator *g) { g->state = GEN_FINISHED; }
void gen_mark_suspended(Generator *g, bool in_yield_from) {
    g->state = GEN_SUSPENDED;
    g->in_yield_from = in_yield_from;
}

Frame *gen_alloc_frame(VM *vm, Function *fn, Value *gen_out) {
    Code *co = fn->code;
    size_t hdr = GEN_HDR;
    Generator *g = gc_alloc(vm, &type_generator, hdr + frame_size(co));
    if (!g) return NULL;
    Frame *f = (Frame *)((char *)g + hdr);
    g->frame = f;
    g->name = RD(vm, fn, fn->name);
    g->qualname = RD(vm, fn, fn->qualname);
    g->state = GEN_CREATED;
    f->prev = NULL;
    f->code = co;
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = VNULL;
    f->ip = co->code;
    f->stack = f->localsplus + co->nlocalsplus;
    f->sp = f->stack;
    f->blocks = (Block *)(f->stack + co->stacksize);
    f->nblocks = 0;
    f->entry = 0;
    f->in_heap = 1;
    f->throwing = 0;
    f->gen = g;
    *gen_out = v_from_ptr(g);
    return f;
}

/* Run the frame; `push` sends v as the value of the pending yield. */
static Value resume(VM *vm, Generator *g, Value v, bool push, bool throwing, bool *returned) {
    Frame *f = g->frame;
    if (vm->depth > G->recursion_limit) {
        *returned = false;
        return vm_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
    }
    txn_gen_resume(vm, g);
    if (push && g->state == GEN_SUSPENDED) *f->sp++ = v;
    f->prev = vm->frame;
    vm->frame = f;
    vm->depth++;
    f->throwing = throwing;
    Value saved = vm->handled;
    vm->handled = g->exc_state;
    g->state = GEN_RUNNING;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, v_from_ptr(g));
    ROOT_PUSH(vm, saved);
    Value r = vm_eval_frame(vm, f);
    ROOTS_RESET(vm);
    g->exc_state = vm->handled;
    vm->handled = saved;
    if (g->state == GEN_SUSPENDED) {
        *returned = false;
        return r;
    }
    g->state = GEN_FINISHED;
    g->exc_state = VNULL;
    if (!r) {
        *returned = false;
        if (vm_exc_matches(vm, &exc_StopIteration)) {
            Value si = vm_exc_fetch(vm);
            ROOT_PUSH(vm, si);
            vm_raise(vm, &exc_RuntimeError, "generator raised StopIteration");
            ROOTS_RESET(vm);
            if (vm->exc && IS_EXC(vm->exc)) {
                BaseExc *e = AS(BaseExc, vm->exc);
                WR(vm, e, e->cause, si);
                WR(vm, e, e->context, si);
                WRW(vm, e, e->suppress_context, 1);
            }
        }
        return VNULL;
    }
    *returned = true;
    return r;
}

Value gen_send_ex(VM *vm, Value gv, Value v, bool *returned) {
    Generator *g = AS(Generator, gv);
    *returned = false;
    txn_gen_resume(vm, g);      /* before reading any of its state */
    if (g->state == GEN_RUNNING) return vm_raise(vm, &exc_ValueError, "generator already executing");
    if (g->state == GEN_FINISHED) {
        *returned = true;
        return V_NONE;
    }
    if (g->state == GEN_CREATED && v != V_NONE)
        return vm_raise(vm, &exc_TypeError, "can't send non-None value to a just-started generator");
    return resume(vm, g, v, true, false, returned);
}

static Value stop_iteration(VM *vm, Value r) {
    if (r == V_NONE) return vm_raise_value(vm, v_from_ptr(&exc_StopIteration));
    return vm_raise_value(vm, exc_new(vm, &exc_StopIteration, &r, 1));
}

/* tp_iternext: a return ends the iteration (its value is dropped, as C
 * consumers of iterators drop it in CPython). */
static Value gen_iternext(VM *vm, Value self) {
    bool returned;
    Value r = gen_send_ex(vm, self, V_NONE, &returned);
    return returned ? VNULL : r;
}

/* next(g) / g.__next__(): a return raises StopIteration(value). */
Value gen_next_or_stop(VM *vm, Value self) {
    bool returned;
    Value r = gen_send_ex(vm, self, V_NONE, &returned);
    if (returned && r) return stop_iteration(vm, r);
    return r;
}

static Value gen_iter(VM *vm, Value self) { (void)vm; return self; }

static Value gen_throw_exc(VM *vm, Value gv, Value exc);

/* Complete the pending SEND with `val` (the delegate returned). */
static void finish_yield_from(Generator *g, Value val) {
    Frame *f = g->frame;
    uint32_t send_word = f->ip[-2];
    f->sp[-1] = val;            /* replace the delegate with its result */
    f->ip = f->code->code + (send_word >> 8);
    g->in_yield_from = false;
}

static Value gen_throw_exc(VM *vm, Value gv, Value exc) {
    Generator *g = AS(Generator, gv);
    bool returned;
    txn_gen_resume(vm, g);      /* before reading any of its state */
    if (g->state == GEN_RUNNING) return vm_raise(vm, &exc_ValueError, "generator already executing");
    if (g->state == GEN_CREATED || g->state == GEN_FINISHED) {
        g->state = GEN_FINISHED;
        return vm_raise_value(vm, exc);
    }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, exc);
    if (g->in_yield_from) {
        Frame *f = g->frame;
        Value recv = f->sp[-1];
        Value r = VNULL;
        bool delegated = true;
        bool is_exit = v_isinstance_of(exc, &exc_GeneratorExit);
        g->state = GEN_RUNNING;
        if (gen_is(recv)) {
            if (is_exit) {
                Value cl = vm_call_method(vm, recv, NM(close), NULL, 0);
                r = VNULL;
                if (cl) vm->exc = VNULL;
                delegated = false;
                if (!cl) {
                    g->state = GEN_SUSPENDED;
                    Value e = vm_exc_fetch(vm);
                    vm->exc = e;
                    f->throwing = 1;
                    bool ret2;
                    Value rr = resume(vm, g, VNULL, false, true, &ret2);
                    ROOTS_RESET(vm);
                    if (ret2) return stop_iteration(vm, rr);
                    return rr;
                }
            } else {
                r = gen_throw_exc(vm, recv, exc);
            }
        } else {
            bool err;
            Value m = vm_getattr_opt(vm, recv, is_exit ? NM(close) : NM(throw), &err);
            if (err) r = VNULL;
            else if (!m) delegated = false;
            else if (is_exit) {
                Value cl = vm_call0(vm, m);
                delegated = false;
                if (!cl) {
                    g->state = GEN_SUSPENDED;
                    f->throwing = 1;
                    bool ret2;
                    Value rr = resume(vm, g, VNULL, false, true, &ret2);
                    ROOTS_RESET(vm);
                    if (ret2) return stop_iteration(vm, rr);
                    return rr;
                }
            } else r = vm_call1(vm, m, exc);
        }
        g->state = GEN_SUSPENDED;
        if (delegated) {
            if (r) {
                ROOTS_RESET(vm);
                return r;       /* the delegate yielded: we stay suspended */
            }
            if (vm_exc_matches(vm, &exc_StopIteration)) {
                Value si = vm_exc_fetch(vm);
                Value val = RD(vm, AS(BaseExc, si), AS(BaseExc, si)->extra[0]);
                finish_yield_from(g, val ? val : V_NONE);
                Value rr = resume(vm, g, VNULL, false, false, &returned);
                ROOTS_RESET(vm);
                if (returned) return stop_iteration(vm, rr);
                return rr;
            }
            /* the delegate raised: throw that into this frame */
            f->throwing = 1;
            g->in_yield_from = false;
            Value rr = resume(vm, g, VNULL, false, true, &returned);
            ROOTS_RESET(vm);
            if (returned) return stop_iteration(vm, rr);
            return rr;
        }
        g->in_yield_from = false;
    }
    vm->exc = exc;
    Value r = resume(vm, g, VNULL, false, true, &returned);
    ROOTS_RESET(vm);
    if (returned) return stop_iteration(vm, r);
    return r;
}

static Value normalize_throw(VM *vm, Value *args, int nargs) {
    Value typ = args[1];
    Value val = nargs > 2 ? args[2] : V_NONE;
    Value tb = nargs > 3 ? args[3] : V_NONE;
    Value exc;
    if (IS_TYPE(typ) && (AS(Type, typ)->flags & TF_EXC_SUBCLASS)) {
        if (val != V_NONE && IS_EXC(val) && v_isinstance_of(val, AS(Type, typ))) exc = val;
        else if (val == V_NONE) exc = vm_call0(vm, typ);
        else if (IS_TUPLE(val)) exc = vm_call(vm, typ, tuple_items(val), (int)tuple_len(val), VNULL);
        else exc = vm_call1(vm, typ, val);
        if (!exc) return VNULL;
    } else if (IS_EXC(typ)) {
        if (val != V_NONE) return vm_raise(vm, &exc_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return vm_raise(vm, &exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        v_type(typ)->name);
    }
    if (tb != V_NONE) {
        if (!v_is_type(tb, &type_traceback)) return vm_raise(vm, &exc_TypeError, "throw() third argument must be a traceback object");
        WR(vm, AS(BaseExc, exc), AS(BaseExc, exc)->traceback, tb);
    }
    return exc;
}

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kw)
M(m_send) {
    (void)nargs; (void)kw;
    bool returned;
    Value r = gen_send_ex(vm, args[0], args[1], &returned);
    if (returned) return stop_iteration(vm, r);
    return r;
}

M(m_throw) {
    (void)kw;
    Value exc = normalize_throw(vm, args, nargs);
    if (!exc) return VNULL;
    return gen_throw_exc(vm, args[0], exc);
}

M(m_close) {
    (void)nargs; (void)kw;
    Generator *g = AS(Generator, args[0]);
    txn_gen_resume(vm, g);
    if (g->state == GEN_CREATED || g->state == GEN_FINISHED) {
        g->state = GEN_FINISHED;
        return V_NONE;
    }
    Value ge = vm_call0(vm, v_from_ptr(&exc_GeneratorExit));
    if (!ge) return VNULL;
    Value r = gen_throw_exc(vm, args[0], ge);
    if (r) return vm_raise(vm, &exc_RuntimeError, "generator ignored GeneratorExit");
    if (vm_exc_matches(vm, &exc_GeneratorExit) || vm_exc_matches(vm, &exc_StopIteration)) {
        vm_exc_clear(vm);
        return V_NONE;
    }
    return VNULL;
}

static Value gen_repr(VM *vm, Value self) {
    return vm_format(vm, "<generator object %U at %p>", AS(Generator, self)->qualname, v_ptr(self));
}

static Value gg_name(VM *vm, Value o) { (void)vm; return AS(Generator, o)->name; }
static int gs_name(VM *vm, Value o, Value v) {
    if (!v || !IS_STR(v)) { vm_raise(vm, &exc_TypeError, "__name__ must be set to a string object"); return -1; }
    AS(Generator, o)->name = v;
    return 0;
}
static Value gg_qualname(VM *vm, Value o) { (void)vm; return AS(Generator, o)->qualname; }
static int gs_qualname(VM *vm, Value o, Value v) {
    if (!v || !IS_STR(v)) { vm_raise(vm, &exc_TypeError, "__qualname__ must be set to a string object"); return -1; }
    AS(Generator, o)->qualname = v;
    return 0;
}
static Value gg_running(VM *vm, Value o) { (void)vm; return v_bool(AS(Generator, o)->state == GEN_RUNNING); }
static Value gg_code(VM *vm, Value o) { (void)vm; return v_from_ptr(AS(Generator, o)->frame->code); }
static Value gg_frame(VM *vm, Value o) { (void)vm; (void)o; return V_NONE; }
static Value gg_suspended(VM *vm, Value o) { (void)vm; return v_bool(AS(Generator, o)->state == GEN_SUSPENDED); }
static Value gg_yieldfrom(VM *vm, Value o) {
    (void)vm;
    Generator *g = AS(Generator, o);
    if (g->state == GEN_SUSPENDED && g->in_yield_from) return g->frame->sp[-1];
    return V_NONE;
}

static Value m_next(VM *vm, Value *args, int nargs, Value kw) {
    (void)nargs; (void)kw;
    Value r = gen_next_or_stop(vm, args[0]);
    if (!r && !vm->exc) return vm_raise_value(vm, v_from_ptr(&exc_StopIteration));
    return r;
}

static const MethodDef gen_methods[] = {
    {"__next__", m_next, 1, 1, 0, NULL},
    {"send", m_send, 2, 2, 0, NULL},
    {"throw", m_throw, 2, 4, 0, NULL},
    {"close", m_close, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
static const GetSetDef gen_getsets[] = {
    {"__name__", gg_name, gs_name, NULL}, {"__qualname__", gg_qualname, gs_qualname, NULL},
    {"gi_running", gg_running, NULL, NULL}, {"gi_code", gg_code, NULL, NULL}, {"gi_frame", gg_frame, NULL, NULL},
    {"gi_suspended", gg_suspended, NULL, NULL}, {"gi_yieldfrom", gg_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_generator = {
    .base = STATIC_HDR, .name = "generator", .basicsize = sizeof(Generator), .trace = gen_trace,
    .tp_iter = gen_iter, .tp_iternext = gen_iternext, .tp_repr = gen_repr,
};

void gen_init_types(void) {
    type_ready(&type_generator);
    type_add_methods(&type_generator, gen_methods);
    type_add_getsets(&type_generator, gen_getsets);
}
