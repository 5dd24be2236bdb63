/* mod_transaction.c - the `transaction` module: queues of transactions run
 * in parallel on a pool of workers, with the result of running them one by
 * one in queue order (../shared/design/TRANSACTION-SPEC.md).
 *
 * A queue keeps its entries, tuples (f, args, kwargs), in a C array guarded
 * by the pool lock P.lock; entries[head..len) are pending.  A queue is not
 * transactional state: `add` outside a transaction appends at once, `add`
 * inside one is deferred to its commit (txn.c), so entries enter the queue
 * in commit order, i.e. in serial order.
 *
 * run() with one worker is the serial loop.  With N workers, the calling
 * thread and N-1 pool threads take entries in queue order; entry base+t gets
 * commit ticket t and runs as an ordered STM transaction; an aborted attempt
 * runs again.  Commits happen in ticket order.  When a transaction raises,
 * it still commits (what it did before raising stays done), and its commit
 * restarts every other transaction (a global abort): the younger ones find
 * the run stopped and are discarded, so their entries stay queued behind
 * the failing one.  The exception is then raised by run() in the caller.
 *
 * Lock order: the STM's commit lock, then P.lock; nothing calls into the
 * STM while holding P.lock.  Waiting threads are parked (vm_park) so that
 * the GC never waits for them.
 */
#include "vm.h"
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct TxQueue {
    Obj hdr;
    Value *items;               /* entries; [head, len) pending */
    int64_t head, len, cap;
    int64_t executed;           /* transactions started (committed) over all runs */
    TxRun *run;                 /* the run in progress, or NULL */
} TxQueue;

struct TxRun {
    TxQueue *q;
    int64_t base;               /* entry base + t has ticket t */
    int64_t next;               /* next entry to hand out */
    int inflight;               /* handed out, neither committed nor discarded */
    int nworkers;               /* threads wanted, the caller included */
    int joined, left;           /* pool threads that joined / finished */
    _Atomic bool stopped;       /* a transaction raised and committed */
    uint64_t stop_ticket;
    Value exc;                  /* its exception */
    uint64_t seq;
    /* contention management (under P.lock): see gate() */
    int64_t done;               /* entries committed in this run */
    int win_n, win_aborted;     /* entries of the current window / that aborted */
    int serial_left;            /* entries still to start only when oldest */
    int stretch;                /* length of the next serial stretch */
};

Type type_txqueue;

static struct {
    PlatMutex *lock;
    PlatCond *cond;
    TxRun *run;                 /* the parallel run pool threads may join */
    int nthreads;               /* pool threads started */
    uint64_t seq;
    Value default_queue;
} P;

#define MAX_WORKERS 64
#define INEVITABLE_AFTER 2      /* aborts of one entry before it runs inevitably */
#define CM_WINDOW 8             /* entries per parallel probe window */
#define CM_STRETCH_MIN 32       /* first serial stretch, doubled while conflicts last */
#define CM_STRETCH_MAX 1024

/* ---- queue storage ---- */
static void txq_trace(GcTracer *g, Obj *o) {
    TxQueue *q = (TxQueue *)o;
    if (q->items) gc_mark_range(g, q->items + q->head, (size_t)(q->len - q->head));
}

static void txq_finalize(Obj *o) {
    TxQueue *q = (TxQueue *)o;
    free(q->items);
    q->items = NULL;
}

/* P.lock held. */
static bool txq_push_locked(TxQueue *q, Value entry) {
    if (q->len == q->cap) {
        /* reclaim the consumed prefix before growing */
        if (q->head > 0 && !q->run) {
            memmove(q->items, q->items + q->head, (size_t)(q->len - q->head) * sizeof(Value));
            q->len -= q->head;
            q->head = 0;
        }
        if (q->len == q->cap) {
            int64_t nc = q->cap ? q->cap * 2 : 16;
            Value *n = realloc(q->items, (size_t)nc * sizeof(Value));
            if (!n) return false;
            q->items = n;
            q->cap = nc;
        }
    }
    q->items[q->len++] = entry;
    return true;
}

/* A committed transaction's deferred add (txn.c), under the commit lock. */
void txq_append_committed(Value qv, Value entry) {
    TxQueue *q = AS(TxQueue, qv);
    plat_mutex_lock(P.lock);
    if (!txq_push_locked(q, entry)) {
        /* Out of memory inside a commit: nothing can be raised any more. */
        plat_mutex_unlock(P.lock);
        abort();
    }
    plat_cond_broadcast(P.cond);
    plat_mutex_unlock(P.lock);
}

void txq_trace_runs(GcTracer *g, VM *vm) {
    TxRun *r = vm->txrun;
    if (!r) return;
    gc_mark_ptr(g, r->q);
    gc_mark_value(g, r->exc);
}

static Value txq_new(VM *vm) {
    TxQueue *q = gc_alloc(vm, &type_txqueue, sizeof(TxQueue));
    if (!q) return VNULL;
    gc_register_finalizer(&q->hdr);
    return v_from_ptr(q);
}

static Value txq_add(VM *vm, Value qv, Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return vm_raise(vm, &exc_TypeError, "add() missing required argument 'f' (pos 1)");
    Value t = tuple_from_array(vm, args + 1, nargs - 1);
    if (!t) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, t);
    Value kw = V_NONE;
    int nk = kwnames ? (int)tuple_len(kwnames) : 0;
    if (nk) {
        kw = dict_new(vm);
        if (!kw) { ROOTS_RESET(vm); return VNULL; }
        ROOT_PUSH(vm, kw);
        for (int i = 0; i < nk; i++)
            if (dict_set(vm, kw, tuple_items(kwnames)[i], args[nargs + i]) < 0) { ROOTS_RESET(vm); return VNULL; }
    }
    Value entry = tuple_pack(vm, 3, args[0], t, kw);
    ROOTS_RESET(vm);
    if (!entry) return VNULL;
    if (vm->in_tx) return txn_defer_add(vm, qv, entry) ? V_NONE : VNULL;
    plat_mutex_lock(P.lock);
    bool ok = txq_push_locked(AS(TxQueue, qv), entry);
    plat_cond_broadcast(P.cond);
    plat_mutex_unlock(P.lock);
    return ok ? V_NONE : vm_raise_nomem(vm);
}

static Value call_entry(VM *vm, Value entry) {
    Value *e = tuple_items(entry);
    return vm_call_tuple_dict(vm, e[0], e[1], e[2] == V_NONE ? VNULL : e[2]);
}

/* ---- the serial loop (one worker, or the STM compiled out) ---- */
static Value run_serial(VM *vm, TxQueue *q) {
    for (;;) {
        plat_mutex_lock(P.lock);
        if (q->head >= q->len) {
            plat_mutex_unlock(P.lock);
            return V_NONE;
        }
        Value entry = q->items[q->head++];
        q->executed++;
        plat_mutex_unlock(P.lock);
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, entry);
        Value r = call_entry(vm, entry);
        ROOTS_RESET(vm);
        if (!r) return VNULL;
        if (vm_periodic(vm, false) < 0) return VNULL;
    }
}

#if TXPY_STM
/* ---- the parallel run ---- */
static void run_commit_action(VM *vm) {
    TxRun *r = vm->txrun;
    plat_mutex_lock(P.lock);
    r->q->executed++;
    r->done++;
    if (vm->txexc) {
        r->exc = vm->txexc;
        r->stop_ticket = vm->tx.ticket;
        atomic_store(&r->stopped, true);
    }
    plat_cond_broadcast(P.cond);
    plat_mutex_unlock(P.lock);
}

static bool discarded(TxRun *r, uint64_t ticket) {
    return atomic_load(&r->stopped) && ticket > r->stop_ticket;
}

/* Run one entry as transaction `ticket` until it commits or the run stops
 * before it.  Returns the number of aborted attempts, -1 if discarded. */
static int run_entry(VM *vm, TxRun *r, Value entry, uint64_t ticket) {
    TxSaved saved;
    txn_attempt_save(vm, &saved);
    jmp_buf jb;
    volatile int aborts = 0;
    volatile int64_t t0 = txn_attempt_clock();
    if (setjmp(jb)) {
        /* aborted: every shared write was dropped; retry unless discarded */
        txn_entry_event(vm, t0, false);
        t0 = txn_attempt_clock();
        txn_attempt_restore(vm, &saved);
        vm->txexc = VNULL;
        vm->commit_action = NULL;
        vm->tx_kind = TXK_NONE;
        if (discarded(r, ticket)) return -1;
        aborts++;
    }
    stm_begin(&vm->tx, ticket, &jb);
    vm->in_tx = true;
    vm->tx_kind = TXK_ENTRY;
    /* A stop by an older ticket before our snapshot is not covered by its
     * global abort: look now (a later stop is). */
    if (discarded(r, ticket)) stm_abort(&vm->tx, STM_ABORT_REQUESTED);
    /* A transaction that keeps conflicting runs once it is the oldest, as
     * an inevitable one: no more wasted attempts (and no livelock). */
    if (aborts >= INEVITABLE_AFTER) stm_become_inevitable(&vm->tx);
    Value res = call_entry(vm, entry);
    if (!res) {
        vm->txexc = vm_exc_fetch(vm);
        /* Its commit must restart every younger transaction: they are
         * discarded once they see the run stopped. */
        stm_request_global_abort(&vm->tx);
    }
    if (discarded(r, ticket)) stm_abort(&vm->tx, STM_ABORT_REQUESTED);
    vm->commit_action = run_commit_action;
    stm_commit(&vm->tx);
    txn_entry_event(vm, t0, true);
    vm->commit_action = NULL;
    vm->in_tx = false;
    vm->tx_kind = TXK_NONE;
    vm->txexc = VNULL;
    return aborts;
}

/* Contention management.  When most entries of a run conflict (each one
 * reads what its predecessor writes, e.g. a shared counter), running them
 * side by side only burns cores on attempts that will be rolled back, and
 * on a loaded machine or in a browser those cores are taken from the
 * attempt that does commit.  So the run watches windows of CM_WINDOW
 * entries started in parallel; when at least half of one's entries had to
 * abort, the next `stretch` entries each start only once every older entry
 * has committed (they then cannot conflict), and a new parallel window
 * probes again afterwards.  The stretch doubles while the probes keep
 * conflicting and shrinks back when one does not: a workload that mixes
 * phases keeps its parallel ones.  Called with P.lock held, after entry
 * `idx` was handed out; may wait (the caller is parked). */
static void gate(TxRun *r, int64_t idx) {
    if (r->serial_left <= 0) return;
    r->serial_left--;
    while (!atomic_load(&r->stopped) && r->base + r->done < idx) plat_cond_wait(P.cond, P.lock);
}

/* An entry started in parallel finished after `aborts` aborted attempts. */
static void account(TxRun *r, bool probed, int aborts) {
    if (!probed || aborts < 0) return;
    r->win_n++;
    if (aborts > 0) r->win_aborted++;
    if (r->win_n < CM_WINDOW) return;
    if (2 * r->win_aborted >= r->win_n) {
        r->serial_left = r->stretch;
        r->stretch = r->stretch * 2 > CM_STRETCH_MAX ? CM_STRETCH_MAX : r->stretch * 2;
    } else {
        r->stretch = CM_STRETCH_MIN;
    }
    r->win_n = r->win_aborted = 0;
}

/* Take entries and run them until the run is over. */
static void work(VM *vm, TxRun *r) {
    vm->txrun = r;
    for (;;) {
        vm_park(vm);
        plat_mutex_lock(P.lock);
        while (!atomic_load(&r->stopped) && r->next >= r->q->len && r->inflight > 0)
            plat_cond_wait(P.cond, P.lock);
        if (atomic_load(&r->stopped) || r->next >= r->q->len) {
            plat_mutex_unlock(P.lock);
            vm_unpark(vm);
            break;
        }
        int64_t idx = r->next++;
        Value entry = r->q->items[idx];
        r->inflight++;
        bool probed = r->serial_left <= 0;
        gate(r, idx);
        plat_mutex_unlock(P.lock);
        vm_unpark(vm);
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, entry);
        int aborts = run_entry(vm, r, entry, (uint64_t)(idx - r->base));
        ROOTS_RESET(vm);
        plat_mutex_lock(P.lock);
        account(r, probed, aborts);
        r->inflight--;
        plat_cond_broadcast(P.cond);
        plat_mutex_unlock(P.lock);
    }
    vm->txrun = NULL;
}

static void pool_thread(void *arg) {
    VM *vm = vm_thread_new();
    if (!vm) return;
    vm->is_worker = true;
    vm->worker_index = (uint32_t)(uintptr_t)arg;
    stm_set_direct(&vm->tx, false);
    uint64_t last = 0;
    vm_park(vm);
    plat_mutex_lock(P.lock);
    for (;;) {
        TxRun *r = P.run;
        if (r && r->seq != last && r->joined < r->nworkers - 1) {
            last = r->seq;
            r->joined++;
            plat_mutex_unlock(P.lock);
            vm_unpark(vm);
            work(vm, r);
            vm_park(vm);
            plat_mutex_lock(P.lock);
            r->left++;
            plat_cond_broadcast(P.cond);
            continue;
        }
        plat_cond_wait(P.cond, P.lock);
    }
}

static Value run_parallel(VM *vm, TxQueue *q, int nworkers) {
    TxRun r;
    memset(&r, 0, sizeof r);
    r.q = q;
    r.nworkers = nworkers;
    r.exc = VNULL;
    r.stretch = CM_STRETCH_MIN;
    stm_reset_tickets();
    stm_set_direct(&vm->tx, false);
    plat_mutex_lock(P.lock);
    r.base = r.next = q->head;
    r.seq = ++P.seq;
    q->run = &r;
    while (P.nthreads < nworkers - 1) {
        if (plat_thread_start(pool_thread, (void *)(uintptr_t)(P.nthreads + 1), (size_t)8 << 20) != 0) break;
        P.nthreads++;
    }
    P.run = &r;
    plat_cond_broadcast(P.cond);
    plat_mutex_unlock(P.lock);

    work(vm, &r);

    vm_park(vm);
    plat_mutex_lock(P.lock);
    P.run = NULL;                   /* no late joiners */
    while (r.left < r.joined) plat_cond_wait(P.cond, P.lock);
    /* consumed: everything up to the failing entry, or all handed out */
    q->head = atomic_load(&r.stopped) ? r.base + (int64_t)r.stop_ticket + 1 : r.next;
    q->run = NULL;
    plat_mutex_unlock(P.lock);
    vm_unpark(vm);
    stm_reset_tickets();
    if (!vm->threaded) stm_set_direct(&vm->tx, true);
    if (r.exc) {
        /* the stop that ended the run is delivered now (see vm_periodic) */
        const Type *et = IS_TYPE(r.exc) ? AS(Type, r.exc) : v_type(r.exc);
        if (type_is_subtype(et, &exc_KeyboardInterrupt)) plat_clear_stop();
        return vm_raise_value(vm, r.exc);
    }
    return V_NONE;
}
#endif

static Value txq_run(VM *vm, Value qv, int nworkers) {
    TxQueue *q = AS(TxQueue, qv);
    if (vm->tx_kind == TXK_ENTRY || vm->atomic_depth > 0 || vm->txrun || q->run)
        return vm_raise(vm, &exc_RuntimeError, "transaction.run() cannot be called from inside a transaction");
    if (nworkers <= 0) nworkers = G->nworkers;
    if (nworkers > MAX_WORKERS) nworkers = MAX_WORKERS;
#if TXPY_STM
    if (nworkers > 1 && plat_has_threads()) {
        /* a thread's slice ends here; the run's transactions take over */
        txn_before_wait(vm);
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, qv);
        Value res = run_parallel(vm, q, nworkers);
        ROOTS_RESET(vm);
        txn_after_wait(vm);
        return res;
    }
#endif
    return run_serial(vm, q);
}

/* ---- the TransactionQueue type ---- */
#define M(name) static Value name(VM *vm, Value *args, int nargs, Value kwnames)

static Value txq_new_fn(VM *vm, Type *t, Value *args, int nargs, Value kwnames) {
    (void)t; (void)args;
    if (nargs || (kwnames && tuple_len(kwnames))) return vm_raise(vm, &exc_TypeError, "TransactionQueue() takes no arguments");
    return txq_new(vm);
}

M(q_add) { return txq_add(vm, args[0], args + 1, nargs - 1, kwnames); }

M(q_run) {
    static const char *const names[] = {"", "nb_segments", NULL};
    Value out[2];
    if (!vm_parse_args(vm, "run", args, nargs, kwnames, names, 1, 1, out)) return VNULL;
    int64_t n = 0;
    if (out[1]) {
        if (!v_is_intlike(out[1]))
            return vm_raise(vm, &exc_TypeError, "nb_segments must be an integer, not %s", v_type(out[1])->name);
        if (!vm_index_i64(vm, out[1], &n, &exc_OverflowError)) return VNULL;
        if (n < 0) return vm_raise(vm, &exc_ValueError, "nb_segments must be >= 0");
    }
    return txq_run(vm, args[0], n > MAX_WORKERS ? MAX_WORKERS : (int)n);
}

M(q_executed) {
    (void)nargs; (void)kwnames;
    plat_mutex_lock(P.lock);
    int64_t n = AS(TxQueue, args[0])->executed;
    plat_mutex_unlock(P.lock);
    return int_from_i64(vm, n);
}

static const MethodDef txq_methods[] = {
    {"add", q_add, 2, -1, MF_KW, "add(f, *args, **kwds): queue the call f(*args, **kwds)"},
    {"run", q_run, 1, 2, MF_KW, "run(nb_segments=0): run the queued transactions until none is left"},
    {"number_of_transactions_executed", q_executed, 1, 1, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};

#define STATIC_HDR {{0}, OBJ_STATIC, 0, &type_type}
Type type_txqueue = { .base = STATIC_HDR, .name = "TransactionQueue", .basicsize = sizeof(TxQueue),
                      .trace = txq_trace, .finalize = txq_finalize, .tp_new = txq_new_fn };

/* ---- atomic ---- */
typedef struct AtomicObj { Obj hdr; } AtomicObj;
Type type_atomic;

M(atomic_enter) {
    (void)nargs; (void)kwnames;
    vm->atomic_depth++;
    txn_atomic_enter(vm);
    return args[0];
}

M(atomic_exit) {
    (void)args; (void)nargs; (void)kwnames;
    if (vm->atomic_depth > 0) vm->atomic_depth--;
    return V_FALSE;
}

static Value atomic_repr(VM *vm, Value self) { (void)self; return str_from_cstr(vm, "<transaction.atomic>"); }

static const MethodDef atomic_methods[] = {
    {"__enter__", atomic_enter, 1, 1, 0, NULL},
    {"__exit__", atomic_exit, 1, 4, 0, NULL},
    {NULL, NULL, 0, 0, 0, NULL}
};
Type type_atomic = { .base = STATIC_HDR, .name = "transaction.atomic", .basicsize = sizeof(AtomicObj),
                     .tp_repr = atomic_repr };
static AtomicObj the_atomic = {{{0}, OBJ_STATIC, 0, &type_atomic}};

/* ---- module functions ---- */
M(m_add) { (void)nargs; return txq_add(vm, P.default_queue, args, nargs, kwnames); }

M(m_run) {
    (void)args; (void)nargs; (void)kwnames;
    return txq_run(vm, P.default_queue, 0);
}

M(m_getsegmentlimit) {
    (void)args; (void)nargs; (void)kwnames;
#if TXPY_STM
    int n = plat_has_threads() ? G->nworkers : 1;
#else
    int n = 1;
#endif
    return v_from_small(n > MAX_WORKERS ? MAX_WORKERS : n);
}

M(m_time) {
    (void)args; (void)nargs; (void)kwnames;
    return v_from_float((double)plat_time_ns() / 1e9);
}

M(m_clock) {
    (void)args; (void)nargs; (void)kwnames;
    return v_from_float((double)plat_monotonic_ns() / 1e9);
}

static const MethodDef module_functions[] = {
    {"add", m_add, 1, -1, MF_KW, "add(f, *args, **kwds): queue f(*args, **kwds) on the module's queue"},
    {"run", m_run, 0, 0, 0, "run(): run the module's queue until it is empty"},
    {"getsegmentlimit", m_getsegmentlimit, 0, 0, 0, "number of workers transactions run on"},
    {"time", m_time, 0, 0, 0, "time.time(), usable inside a transaction"},
    {"clock", m_clock, 0, 0, 0, "a monotonic clock (time.perf_counter())"},
    {NULL, NULL, 0, 0, 0, NULL}
};

void txq_init_types(void) {
    P.lock = plat_mutex_new();
    P.cond = plat_cond_new();
    type_ready(&type_txqueue);
    type_add_methods(&type_txqueue, txq_methods);
    type_ready(&type_atomic);
    type_add_methods(&type_atomic, atomic_methods);
    gc_add_root(&P.default_queue);
}

Value mod_transaction_init(VM *vm) {
    Value m = vm_new_module(vm, "transaction");
    if (!m) return VNULL;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, m);
    /* a fresh queue per module object: an embedding that resets
     * sys.modules between programs must not run what a failed or
     * cancelled program left queued */
    Value q = txq_new(vm);
    if (!q) { ROOTS_RESET(vm); return VNULL; }
    P.default_queue = q;
    Value d = module_dict(m);
    for (const MethodDef *def = module_functions; def->name; def++)
        dict_set_cstr(vm, d, def->name, builtin_function_new(vm, def, m, VNULL));
    dict_set_cstr(vm, d, "TransactionQueue", v_from_ptr(&type_txqueue));
    dict_set_cstr(vm, d, "atomic", v_from_ptr(&the_atomic));
    ROOTS_RESET(vm);
    return vm->exc ? VNULL : m;
}
