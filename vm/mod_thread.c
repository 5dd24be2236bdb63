/* mod_thread.c - the `_thread` module: threads that run in parallel as
 * sequences of STM transactions (txn.c), and locks.
 *
 * A lock is a transactional word (`locked`): acquiring reads it and writes
 * 1, releasing writes 0, so two threads racing for a free lock conflict and
 * one of them retries.  Waiting for a held lock happens outside any
 * transaction: the thread commits what it did so far, sleeps until some
 * commit that released a lock bumps `lock_gen`, then continues inevitably
 * and tries again.  Inside `with transaction.atomic:` (or a transaction of
 * the transaction module) nothing may be committed half-way: the thread
 * waits for a release and then restarts the whole transaction.
 *
 * Thread starts are handed to the new thread through `pending`, a C table
 * the GC traces, until the thread has its own VM.
 */
#include "vm.h"
#include <stdlib.h>
#include <string.h>

typedef struct LockObj {
    Obj hdr;
    int64_t locked;             /* transactional: 0 free, 1 held */
} LockObj;

Type type_lock;

static struct {
    PlatMutex *mu;              /* guards gen and the pending starts */
    PlatCond *cond;
    _Atomic uint64_t gen;       /* bumped by every commit that released a lock */
    Value *pending;             /* (func, args, kwargs) tuples of starts not yet picked up */
    size_t npending, cap_pending;
    size_t stack_size;
} T;

#define TIMEOUT_MAX 9223372036.0   /* seconds, as CPython's */

void lock_released_wake(void) {
    plat_mutex_lock(T.mu);
    atomic_fetch_add(&T.gen, 1);
    plat_cond_broadcast(T.cond);
    plat_mutex_unlock(T.mu);
}

/* Sleep (parked) until a lock is released after `gen` was read, or the
 * deadline (ns, monotonic; < 0 none) passes.  False on timeout. */
static bool wait_release(VM *vm, uint64_t gen, int64_t deadline) {
    bool ok = true;
    vm_park(vm);
    plat_mutex_lock(T.mu);
    while (atomic_load(&T.gen) == gen) {
        int64_t left = deadline < 0 ? 50000000 : deadline - plat_monotonic_ns();
        if (left <= 0) { ok = false; break; }
        plat_cond_timedwait(T.cond, T.mu, left > 50000000 ? 50000000 : left);
        if (plat_stop_requested()) break;       /* Ctrl-C: the caller raises */
    }
    plat_mutex_unlock(T.mu);
    vm_unpark(vm);
    return ok;
}

/* 1 acquired, 0 not (non-blocking or timed out), -1 exception. */
static int lock_acquire(VM *vm, LockObj *l, bool blocking, double timeout) {
    int64_t deadline = timeout >= 0 ? plat_monotonic_ns() + (int64_t)(timeout * 1e9) : -1;
    for (;;) {
        uint64_t gen = atomic_load(&T.gen);
        if (!RDW(vm, l, l->locked)) {
            WRW(vm, l, l->locked, 1);
            return 1;
        }
        if (!blocking || (deadline >= 0 && plat_monotonic_ns() >= deadline)) return 0;
        if (vm->in_tx && (vm->atomic_depth > 0 || vm->tx_kind == TXK_ENTRY)) {
            /* cannot commit half an atomic block: wait, then run it again */
            wait_release(vm, gen, deadline);
            stm_abort(&vm->tx, STM_ABORT_REQUESTED);
        }
        txn_before_wait(vm);
        bool ok = wait_release(vm, gen, deadline);
        txn_after_wait(vm);
        if (plat_stop_requested()) {
            plat_clear_stop();
            vm_raise_value(vm, v_from_ptr(&exc_KeyboardInterrupt));
            return -1;
        }
        if (!ok) {
            /* one last try at the deadline */
            if (!RDW(vm, l, l->locked)) {
                WRW(vm, l, l->locked, 1);
                return 1;
            }
            return 0;
        }
    }
}

static bool lock_release(VM *vm, LockObj *l) {
    if (!RDW(vm, l, l->locked)) {
        vm_raise(vm, &exc_RuntimeError, "release unlocked lock");
        return false;
    }
    WRW(vm, l, l->locked, 0);
    if (vm->in_tx && !vm->tx.direct) vm->released_lock = true;   /* waiters wake at commit */
    else lock_released_wake();
    return true;
}

static Value lock_new(VM *vm) {
    LockObj *l = gc_alloc(vm, &type_lock, sizeof(LockObj));
    return l ? v_from_ptr(l) : VNULL;
}

#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kwnames)

/* acquire(blocking=True, timeout=-1) */
static bool parse_acquire(VM *vm, Value *args, int nargs, Value kwnames, bool *blocking, double *timeout) {
    static const char *const names[] = {"", "blocking", "timeout", NULL};
    Value out[3];
    if (!vm_parse_args(vm, "acquire", args, nargs, kwnames, names, 1, 1, out)) return false;
    *blocking = true;
    *timeout = -1;
    if (out[1]) {
        int b = vm_truthy(vm, out[1]);
        if (b < 0) return false;
        *blocking = b;
    }
    if (out[2]) {
        if (!v_to_double(vm, out[2], timeout)) return false;
        if (*timeout != -1 && !*blocking) {
            vm_raise(vm, &exc_ValueError, "can't specify a timeout for a non-blocking call");
            return false;
        }
        if (*timeout < 0 && *timeout != -1) {
            vm_raise(vm, &exc_ValueError, "timeout value must be positive");
            return false;
        }
        if (*timeout > TIMEOUT_MAX) {
            vm_raise(vm, &exc_OverflowError, "timeout value is too large");
            return false;
        }
    }
    return true;
}

M(l_acquire) {
    bool blocking;
    double timeout;
    if (!parse_acquire(vm, args, nargs, kwnames, &blocking, &timeout)) return VNULL;
    int r = lock_acquire(vm, AS(LockObj, args[0]), blocking, timeout);
    return r < 0 ? VNULL : v_bool(r);
}

M(l_release) {
    (void)nargs; (void)kwnames;
    return lock_release(vm, AS(LockObj, args[0])) ? V_NONE : VNULL;
}

M(l_exit) {
    (void)nargs; (void)kwnames;
    return lock_release(vm, AS(LockObj, args[0])) ? V_FALSE : VNULL;
}

M(l_locked) {
    (void)nargs; (void)kwnames;
    LockObj *l = AS(LockObj, args[0]);
    return v_bool(RDW(vm, l, l->locked) != 0);
}

static Value lock_repr(VM *vm, Value self) {
    LockObj *l = AS(LockObj, self);
    return vm_format(vm, "<%s _thread.lock object at %p>", RDW(vm, l, l->locked) ? "locked" : "unlocked", v_ptr(self));
}

static Value lock_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t; (void)args;
    if (nargs || (kwnames && tuple_len(kwnames))) return vm_raise(vm, &exc_TypeError, "lock() takes no arguments");
    return lock_new(vm);
}

static const MethodDef lock_methods[] = {
    {"acquire", l_acquire, 1, 3, MF_KW, "acquire(blocking=True, timeout=-1) -> bool"},
    {"acquire_lock", l_acquire, 1, 3, MF_KW, NULL},
    {"__enter__", l_acquire, 1, 3, MF_KW, NULL},
    {"release", l_release, 1, 1, 0, "release the lock"},
    {"release_lock", l_release, 1, 1, 0, NULL},
    {"__exit__", l_exit, 1, 4, 0, NULL},
    {"locked", l_locked, 1, 1, 0, "whether the lock is held"},
    {"locked_lock", l_locked, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_lock = { .base = STATIC_HDR, .name = "_thread.lock", .basicsize = sizeof(LockObj), .tp_repr = lock_repr,
                   .tp_new = lock_new_fn };

/* ---- threads ---- */
typedef struct ThreadStart {
    Value entry;                /* (func, args, kwargs) tuple, also in T.pending until taken */
    uint64_t ident;             /* chosen by the parent, so start_new_thread can return it */
} ThreadStart;

static _Atomic uint64_t next_ident = 1;
static _Atomic uint32_t next_worker_index = 100;    /* thread lanes, after the pool's */

static void report_unhandled(VM *vm, Value func) {
    Value exc = vm_exc_fetch(vm);
    if (v_isinstance_of(exc, &exc_SystemExit)) return;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, exc);
    Value fr = vm_repr(vm, func);
    if (!fr) vm_exc_clear(vm);
    vm_flush_std(vm);
    const char *head = "Exception ignored in thread started by: ";
    vm_write(vm, 2, head, strlen(head));
    if (fr) vm_write(vm, 2, str_cstr(fr), (size_t)str_len(fr));
    vm_write(vm, 2, "\n", 1);
    vm_print_exception(vm, exc);
    ROOTS_RESET(vm);
}

static void thread_main(void *arg) {
    ThreadStart *ts = arg;
    VM *vm = vm_thread_new();
    if (!vm) {
        /* no memory for a VM: the start is dropped, as a failed start */
        atomic_fetch_sub(&G->nuser_threads, 1);
        free(ts);
        return;
    }
    vm->ident = ts->ident;
    vm->worker_index = atomic_fetch_add(&next_worker_index, 1);
    txn_thread_start(vm);
    Value entry = ts->entry;
    free(ts);
    ROOT_PUSH(vm, entry);
    /* no longer pending: the thread's roots hold it now */
    plat_mutex_lock(T.mu);
    for (size_t i = 0; i < T.npending; i++) {
        if (T.pending[i] == entry) {
            T.pending[i] = T.pending[--T.npending];
            break;
        }
    }
    plat_mutex_unlock(T.mu);
    Value *e = tuple_items(entry);
    Value r = vm_call_tuple_dict(vm, e[0], e[1], e[2] == V_NONE ? VNULL : e[2]);
    if (!r) report_unhandled(vm, e[0]);
    txn_thread_end(vm);
    vm_flush_std(vm);
    atomic_fetch_sub(&G->nuser_threads, 1);
    lock_released_wake();       /* joiners polling nuser_threads */
    vm_thread_free(vm);
}

M(t_start_new_thread) {
    (void)kwnames;
    Value func = args[0], targs = args[1], kw = nargs > 2 ? args[2] : V_NONE;
    if (!vm_callable(func)) return vm_raise(vm, &exc_TypeError, "first arg must be callable");
    if (!IS_TUPLE(targs)) return vm_raise(vm, &exc_TypeError, "2nd arg must be a tuple");
    if (kw != V_NONE && !IS_DICT(kw)) return vm_raise(vm, &exc_TypeError, "optional 3rd arg must be a dictionary");
    if (!plat_has_threads()) return vm_raise(vm, &exc_RuntimeError, "can't start new thread");
    Value entry = tuple_pack(vm, 3, func, targs, kw);
    if (!entry) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, entry);
    ThreadStart *ts = malloc(sizeof *ts);
    if (!ts) { ROOTS_RESET(vm); return vm_raise_nomem(vm); }
    ts->entry = entry;
    ts->ident = 0x7d0000000000ULL + atomic_fetch_add(&next_ident, 1);
    uint64_t ident = ts->ident;
    plat_mutex_lock(T.mu);
    bool ok = true;
    if (T.npending == T.cap_pending) {
        size_t nc = T.cap_pending ? T.cap_pending * 2 : 16;
        Value *n = realloc(T.pending, nc * sizeof *n);
        if (n) {
            T.pending = n;
            T.cap_pending = nc;
        } else {
            ok = false;
        }
    }
    if (ok) T.pending[T.npending++] = entry;
    plat_mutex_unlock(T.mu);
    if (!ok) { free(ts); ROOTS_RESET(vm); return vm_raise_nomem(vm); }
    txn_enter_threaded(vm);
    /* Everything this thread did so far must be visible to the new one:
     * commit the running slice first (or, inside an atomic block or a
     * transaction, become inevitable: the new thread's first, inevitable,
     * slice then waits for this transaction to commit). */
    bool slice = vm->atomic_depth == 0 && vm->tx_kind != TXK_ENTRY;
    if (slice) txn_before_wait(vm);
    else vm_become_inevitable(vm, "start_new_thread()");
    atomic_fetch_add(&G->nuser_threads, 1);
    int err = plat_thread_start(thread_main, ts, T.stack_size ? T.stack_size : (size_t)8 << 20);
    if (slice) txn_after_wait(vm);
    ROOTS_RESET(vm);
    if (err) {
        atomic_fetch_sub(&G->nuser_threads, 1);
        free(ts);
        return vm_raise(vm, &exc_RuntimeError, "can't start new thread");
    }
    return int_from_u64(vm, ident);
}

M(t_allocate_lock) { (void)args; (void)nargs; (void)kwnames; return lock_new(vm); }

M(t_get_ident) {
    (void)args; (void)nargs; (void)kwnames;
    return int_from_u64(vm, vm->ident);
}

M(t_exit) {
    (void)args; (void)nargs; (void)kwnames;
    return vm_raise_value(vm, v_from_ptr(&exc_SystemExit));
}

M(t_count) {
    (void)args; (void)nargs; (void)kwnames;
    return v_from_small(atomic_load(&G->nuser_threads));
}

M(t_stack_size) {
    (void)kwnames;
    size_t old = T.stack_size;
    if (nargs > 0) {
        int64_t n;
        if (!vm_index_i64(vm, args[0], &n, &exc_OverflowError)) return VNULL;
        if (n != 0 && n < 32768) return vm_raise(vm, &exc_ValueError, "size not valid: %lld bytes", (long long)n);
        T.stack_size = (size_t)n;
    }
    return int_from_i64(vm, (int64_t)old);
}

/* The calling thread's attribute dict for a threading.local object (kept
 * in the thread's VM; created empty on first use).  Returns (dict, new). */
M(t_local_dict) {
    (void)nargs; (void)kwnames;
    if (!vm->tls) {
        vm->tls = dict_new(vm);
        if (!vm->tls) return VNULL;
    }
    bool err;
    Value d = dict_get(vm, vm->tls, args[0], &err);
    if (err) return VNULL;
    bool fresh = false;
    if (!d) {
        d = dict_new(vm);
        if (!d) return VNULL;
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, d);
        int r = dict_set(vm, vm->tls, args[0], d);
        ROOTS_RESET(vm);
        if (r < 0) return VNULL;
        fresh = true;
    }
    return tuple_pack(vm, 2, d, v_bool(fresh));
}

static const MethodDef thread_functions[] = {
    {"_local_dict", t_local_dict, 1, 1, 0, "(dict, new) of a threading.local for the calling thread"},
    {"start_new_thread", t_start_new_thread, 2, 3, 0, "start_new_thread(function, args[, kwargs])"},
    {"start_new", t_start_new_thread, 2, 3, 0, NULL},
    {"allocate_lock", t_allocate_lock, 0, 0, 0, "allocate_lock() -> lock object"},
    {"allocate", t_allocate_lock, 0, 0, 0, NULL},
    {"get_ident", t_get_ident, 0, 0, 0, "a nonzero integer identifying the current thread"},
    {"get_native_id", t_get_ident, 0, 0, 0, NULL},
    {"exit", t_exit, 0, 0, 0, "raise SystemExit to end the current thread"},
    {"exit_thread", t_exit, 0, 0, 0, NULL},
    {"_count", t_count, 0, 0, 0, "number of running threads started by the program"},
    {"stack_size", t_stack_size, 0, 1, 0, "stack_size([size]) -> previous size"},
    {NULL, NULL, 0, 0, 0, NULL}
};

static void trace_pending(GcTracer *g) { gc_mark_range(g, T.pending, T.npending); }

void thread_init_types(void) {
    T.mu = plat_mutex_new();
    T.cond = plat_cond_new();
    type_ready(&type_lock);
    type_add_methods(&type_lock, lock_methods);
    gc_add_tracer(trace_pending);
}

Value mod_thread_init(VM *vm) {
    Value m = vm_new_module(vm, "_thread");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    Value d = module_dict(m);
    for (const MethodDef *def = thread_functions; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "LockType", v_from_ptr(&type_lock));
    dict_set_cstr(vm, d, "lock", v_from_ptr(&type_lock));
    dict_set_cstr(vm, d, "error", v_from_ptr(&exc_RuntimeError));
    dict_set_cstr(vm, d, "TIMEOUT_MAX", v_from_float(TIMEOUT_MAX));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
