/* txn.c - transactions as the VM sees them.
 *
 *  - Starting an attempt (txn_attempt_save) records the thread's
 *    interpreter state that lives outside the STM: frame arena, roots,
 *    depths, the exception being handled.  An abort longjmps back to the
 *    attempt's start and txn_attempt_restore puts that state back; every
 *    write to shared objects went to the STM's redo log and is simply
 *    dropped.
 *  - Generator frames are the one kind of shared object the eval loop
 *    mutates in place: resuming a generator made by another transaction
 *    makes the transaction inevitable (txn_gen_resume).
 *  - Work that must happen only if the attempt commits, in commit order, is
 *    deferred: buffered output (io.c) and entries added to transaction
 *    queues (`add` inside a transaction).  The STM calls
 *    txn_committed_hook under its commit lock, in commit order.
 *  - Conflict statistics for --stm-stats: sites are aggregated by (reader
 *    file:line, writer file:line, object type) in an interpreter-wide table
 *    under its own lock; statistics only, never transactional state.
 */
#include "vm.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

void io_emit_committed(VM *vm);
void io_discard_tx(VM *vm);
void txq_append_committed(Value q, Value entry);   /* mod_transaction.c */
void txq_trace_runs(GcTracer *g, VM *vm);          /* mod_transaction.c */
void lock_released_wake(void);                      /* mod_thread.c */

/* A frame's storage as it was when the running slice began. */
typedef struct FrameCopy {
    Frame *frame;
    size_t size;
    void *copy;
} FrameCopy;

typedef struct TxLocal {
    Value *deferred;            /* pairs (queue, entry) to append at commit */
    size_t ndeferred, cap_deferred;
    /* the running thread slice: what a restart needs */
    TxSaved slice_saved;
    FrameCopy *frames;
    size_t nframes, cap_frames;
    int slice_aborts;
} TxLocal;

/* ---- conflict statistics ---- */
typedef struct ConflictSite {
    const void *rcode, *wcode;
    uint32_t roff, woff;
    const char *type_name;
    uint64_t count;
} ConflictSite;

#define MAX_SITES 256
static struct {
    PlatMutex *lock;
    ConflictSite sites[MAX_SITES];
    int nsites;
} cs;

void txn_init(void) { cs.lock = plat_mutex_new(); }

/* ---- per-attempt events (the playground's timeline) ----
 * Recorded only with statistics on (G->stm_stats): one global ring, claimed
 * with an atomic counter; the oldest records are overwritten. */
#define EVENT_RING 65536
static TxnEvent *events;
static _Atomic uint64_t event_next;
static int64_t event_origin;

static inline int64_t attempt_clock(void) { return G->stm_stats ? plat_monotonic_ns() : 0; }

static void record_event(VM *vm, int64_t t0, uint32_t flags) {
    if (!G->stm_stats || !events) return;
    uint64_t i = atomic_fetch_add_explicit(&event_next, 1, memory_order_relaxed);
    TxnEvent *e = &events[i % EVENT_RING];
    e->start_ns = t0 - event_origin;
    e->end_ns = plat_monotonic_ns() - event_origin;
    e->worker = vm->worker_index;
    e->flags = flags | (vm->tx.inevitable ? TXE_INEVITABLE : 0);
}

void txn_events_reset(void) {
    if (!events) events = calloc(EVENT_RING, sizeof(TxnEvent));
    atomic_store(&event_next, 0);
    event_origin = plat_monotonic_ns();
}

const TxnEvent *txn_events(size_t *count, uint64_t *dropped) {
    uint64_t n = atomic_load(&event_next);
    *count = (size_t)(n < EVENT_RING ? n : EVENT_RING);
    *dropped = n > EVENT_RING ? n - EVENT_RING : 0;
    return events;
}

/* Attempts of transaction-module entries (mod_transaction.c). */
int64_t txn_attempt_clock(void) { return attempt_clock(); }
void txn_entry_event(VM *vm, int64_t t0, bool committed) { record_event(vm, t0, committed ? TXE_COMMITTED : 0); }

static TxLocal *txl(VM *vm) {
    if (!vm->txl) {
        vm->txl = calloc(1, sizeof(TxLocal));
        if (!vm->txl) abort();      /* a few bytes at thread start */
    }
    return vm->txl;
}

void txn_vm_fini(VM *vm) {
    dict_pending_free(vm);
    TxLocal *t = vm->txl;
    if (!t) return;
    free(t->deferred);
    for (size_t i = 0; i < t->nframes; i++) free(t->frames[i].copy);
    free(t->frames);
    free(t);
    vm->txl = NULL;
}

void vm_become_inevitable(VM *vm, const char *why) {
    (void)why;
    if (vm->in_tx && !vm->tx.inevitable && !vm->tx.direct) stm_become_inevitable(&vm->tx);
}

/* ---- deferred queue entries ---- */
bool txn_defer_add(VM *vm, Value q, Value entry) {
    TxLocal *t = txl(vm);
    if (t->ndeferred + 2 > t->cap_deferred) {
        size_t nc = t->cap_deferred ? t->cap_deferred * 2 : 32;
        Value *n = realloc(t->deferred, nc * sizeof *n);
        if (!n) {
            vm_raise_nomem(vm);
            return false;
        }
        t->deferred = n;
        t->cap_deferred = nc;
    }
    t->deferred[t->ndeferred++] = q;
    t->deferred[t->ndeferred++] = entry;
    return true;
}

/* ---- generators ----
 * The eval loop mutates a generator's frame in place.  A generator made by
 * an earlier transaction may be resumed by several transactions at once, so
 * resuming one that this transaction did not create makes the transaction
 * inevitable first: one at a time, and never rolled back. */
void txn_gen_resume(VM *vm, Generator *g) {
    if (vm->in_tx && !vm->tx.direct && !vm->tx.inevitable && ((Obj *)g)->stm.owner != vm->tx.id)
        stm_become_inevitable(&vm->tx);
}

/* ---- attempts ---- */
void txn_attempt_save(VM *vm, TxSaved *s) {
    s->frame = vm->frame;
    s->fstack = vm->fstack;
    s->fstack_top = vm->fstack_top;
    s->fstack_end = vm->fstack_end;
    s->depth = vm->depth;
    s->c_depth = vm->c_depth;
    s->eval_depth = vm->eval_depth;
    s->nroots = vm->nroots;
    s->handled = vm->handled;
    s->tls_repr = vm->tls_repr;
    s->atomic_depth = vm->atomic_depth;
}

void frame_arena_reset(VM *vm, char *fstack, char *top, char *end);   /* thread.c */

/* After an abort (longjmp): back to the state at txn_attempt_save. */
void txn_attempt_restore(VM *vm, const TxSaved *s) {
    frame_arena_reset(vm, s->fstack, s->fstack_top, s->fstack_end);
    vm->frame = s->frame;
    vm->depth = s->depth;
    vm->c_depth = s->c_depth;
    vm->eval_depth = s->eval_depth;
    vm->nroots = s->nroots;
    vm->handled = s->handled;
    vm->tls_repr = s->tls_repr;
    vm->atomic_depth = s->atomic_depth;
    vm->exc = VNULL;
    vm->in_tx = false;
    vm->released_lock = false;
    io_discard_tx(vm);
    dict_pending_clear(vm);
    txl(vm)->ndeferred = 0;
}

/* After a commit that did not go through the hook (direct mode). */
void txn_attempt_done(VM *vm) {
    TxLocal *t = txl(vm);
    for (size_t i = 0; i < t->ndeferred; i += 2) txq_append_committed(t->deferred[i], t->deferred[i + 1]);
    t->ndeferred = 0;
}

/* Entering `with transaction.atomic:`.  Inside a transaction of the
 * transaction module the block is already atomic; thread slices are kept
 * from ending while vm->atomic_depth > 0 (see the slice logic). */
void txn_atomic_enter(VM *vm) { (void)vm; }

void txn_trace_vm(GcTracer *g, VM *vm) {
    gc_mark_value(g, vm->txexc);
    dict_pending_trace(g, vm);
    TxLocal *t = vm->txl;
    if (t) {
        gc_mark_range(g, t->deferred, t->ndeferred);
        gc_mark_value(g, t->slice_saved.handled);
        gc_mark_value(g, t->slice_saved.tls_repr);
        for (size_t i = 0; i < t->nframes; i++) {
            /* a copy's pointers still point into the original frame */
            const Frame *c = t->frames[i].copy;
            gc_mark_ptr(g, c->code);
            gc_mark_ptr(g, c->func);
            gc_mark_value(g, c->globals);
            gc_mark_value(g, c->builtins);
            gc_mark_value(g, c->locals);
            gc_mark_range(g, c->localsplus, (size_t)c->code->nlocalsplus);
            if (c->sp >= c->stack) gc_mark_range(g, c->localsplus + c->code->nlocalsplus, (size_t)(c->sp - c->stack));
        }
    }
    txq_trace_runs(g, vm);
}

/* ---- thread slices ----
 * With more than one Python thread, each thread runs as a sequence of
 * unordered transactions.  A slice begins at a clean instruction boundary
 * (a backward jump, vm_periodic) of an eval level entered through
 * eval_sliced, whose jmp_buf is the restart point: an abort restores the
 * frames as they were when the slice began and re-enters the loop there.
 * Frames older than the one the slice began in are copied lazily, just
 * before control returns into them (txn_slice_keep_frame).
 * C code that runs outside any level that could restart (after the level a
 * slice began in has returned, or after a blocking wait) runs as a "mini"
 * slice: inevitable, never rolled back, ended at the next boundary.
 * A slice never ends inside `with transaction.atomic:` (atomic_depth > 0),
 * which is what makes the block atomic. */
#define SLICE_TICKS 1000        /* backward jumps and calls between boundaries */
#define SLICE_INEVITABLE_AFTER 4

void txn_slice_keep_frame(VM *vm, Frame *f) {
    TxLocal *t = txl(vm);
    vm->slice_base = f;
    for (size_t i = 0; i < t->nframes; i++)
        if (t->frames[i].frame == f) return;      /* kept by an earlier attempt */
    if (t->nframes == t->cap_frames) {
        size_t nc = t->cap_frames ? t->cap_frames * 2 : 8;
        FrameCopy *n = realloc(t->frames, nc * sizeof *n);
        if (!n) abort();            /* a few bytes: nothing sensible is left to do */
        t->frames = n;
        t->cap_frames = nc;
    }
    size_t sz = frame_size(f->code);
    void *c = malloc(sz);
    if (!c) abort();
    memcpy(c, f, sz);
    t->frames[t->nframes++] = (FrameCopy){f, sz, c};
}

#if TXPY_STM
static void drop_frame_copies(TxLocal *t) {
    for (size_t i = 0; i < t->nframes; i++) free(t->frames[i].copy);
    t->nframes = 0;
}

static void slice_reset(VM *vm) {
    vm->tx_kind = TXK_NONE;
    vm->in_tx = false;
    vm->slice_level = -1;
    vm->slice_base = NULL;
}

/* Begin an inevitable transaction here (in C code: no restart point). */
static void mini_begin(VM *vm) {
    jmp_buf jb;
    if (setjmp(jb)) {
        /* aborted while waiting to become inevitable: nothing was done */
    }
    vm->slice_t0 = attempt_clock();
    stm_begin(&vm->tx, STM_UNORDERED, &jb);
    stm_become_inevitable(&vm->tx);
    vm->tx.jmp = NULL;              /* it cannot abort from now on */
    vm->tx_kind = TXK_MINI;
    vm->in_tx = true;
    vm->slice_level = -1;
    vm->slice_base = NULL;
    vm->ticks = 1;                  /* end it at the next boundary */
}

/* Commit whatever slice runs (an abort restarts it: see eval_sliced). */
static void slice_commit(VM *vm) {
    if (vm->tx_kind != TXK_SLICE && vm->tx_kind != TXK_MINI) return;
    bool inev = vm->tx.inevitable;
    stm_commit(&vm->tx);
    record_event(vm, vm->slice_t0, TXE_COMMITTED | TXE_SLICE | (inev ? TXE_INEVITABLE : 0));
    slice_reset(vm);
    drop_frame_copies(txl(vm));
}

static void slice_begin(VM *vm) {
    TxLocal *t = txl(vm);
    drop_frame_copies(t);
    txn_slice_keep_frame(vm, vm->frame);
    txn_attempt_save(vm, &t->slice_saved);
    t->slice_aborts = 0;
    vm->slice_level = vm->eval_depth;
    vm->slice_t0 = attempt_clock();
    stm_begin(&vm->tx, STM_UNORDERED, vm->level_jb);
    vm->tx_kind = TXK_SLICE;
    vm->in_tx = true;
}

/* After a slice's abort, in eval_sliced: frames back as they were, and a
 * new attempt begins. */
void txn_slice_retry(VM *vm) {
    TxLocal *t = txl(vm);
    record_event(vm, vm->slice_t0, TXE_SLICE);
    vm->slice_t0 = attempt_clock();
    for (size_t i = t->nframes; i-- > 0;) memcpy(t->frames[i].frame, t->frames[i].copy, t->frames[i].size);
    txn_attempt_restore(vm, &t->slice_saved);
    vm->slice_base = t->slice_saved.frame;
    vm->slice_level = t->slice_saved.eval_depth;
    t->slice_aborts++;
    stm_begin(&vm->tx, STM_UNORDERED, vm->level_jb);
    vm->tx_kind = TXK_SLICE;
    vm->in_tx = true;
    if (t->slice_aborts >= SLICE_INEVITABLE_AFTER) stm_become_inevitable(&vm->tx);
}

/* The level the running slice began in is returning. */
void txn_slice_level_exit(VM *vm) {
    if (vm->tx_kind != TXK_SLICE) {
        vm->slice_level = -1;
        return;
    }
    slice_commit(vm);
    if (vm->threaded) mini_begin(vm);
}

/* A slice may begin where the current level restarts through eval_sliced
 * and is not a generator's (its frame lives in the generator object). */
static bool can_begin_slice(VM *vm) {
    if (!vm->level_jb || vm->level_depth != vm->eval_depth) return false;
    Frame *f = vm->frame;
    while (f && !f->entry) f = f->prev;
    return f && !f->gen;
}

/* Back to direct mode once the program has a single thread again. */
static bool maybe_leave_threaded(VM *vm) {
    if (atomic_load(&G->nuser_threads) != 0 || vm->txrun || vm->atomic_depth > 0 || vm->ident != G->main_ident) return false;
    slice_commit(vm);
    vm->threaded = false;
    stm_set_direct(&vm->tx, true);
    return true;
}

/* At a clean instruction boundary of a threaded VM (vm_periodic). */
void txn_slice_boundary(VM *vm) {
    vm->ticks = SLICE_TICKS;
    if (vm->tx_kind == TXK_ENTRY || vm->atomic_depth > 0) {
        stm_validate(&vm->tx);
        return;
    }
    if (maybe_leave_threaded(vm)) return;
    slice_commit(vm);
    if (can_begin_slice(vm)) slice_begin(vm);
    else mini_begin(vm);
}

/* The first thread starts: this VM leaves direct mode. */
void txn_enter_threaded(VM *vm) {
    if (vm->threaded) return;
    vm->threaded = true;
    stm_set_direct(&vm->tx, false);
    mini_begin(vm);
}

/* A new thread's VM, before it runs anything. */
void txn_thread_start(VM *vm) {
    vm->threaded = true;
    stm_set_direct(&vm->tx, false);
    mini_begin(vm);
}

/* Before a blocking wait (lock, join): publish what was done. */
void txn_before_wait(VM *vm) {
    if (vm->tx_kind == TXK_SLICE || vm->tx_kind == TXK_MINI) slice_commit(vm);
}

/* After it: continue in C code, inevitably, until the next boundary. */
void txn_after_wait(VM *vm) {
    if (vm->threaded && vm->tx_kind == TXK_NONE) mini_begin(vm);
}

/* A thread ends: commit its last slice. */
void txn_thread_end(VM *vm) { slice_commit(vm); }

#else
/* The STM compiled out (-DTXPY_STM=OFF, the baseline build): threads take
 * turns holding one global interpreter lock, as in CPython.  A "mini" slice
 * is the time a thread holds it; boundaries hand it over; blocking waits
 * release it.  Nothing is ever rolled back. */
static struct {
    PlatMutex *mu;
    PlatCond *cond;
    bool held;
    int waiting;
} gil;

static void gil_take(VM *vm) {
    vm_park(vm);
    plat_mutex_lock(gil.mu);
    gil.waiting++;
    while (gil.held) plat_cond_wait(gil.cond, gil.mu);
    gil.waiting--;
    gil.held = true;
    plat_mutex_unlock(gil.mu);
    vm_unpark(vm);
    vm->tx_kind = TXK_MINI;
}

static void gil_drop(VM *vm) {
    if (vm->tx_kind != TXK_MINI) return;
    vm->tx_kind = TXK_NONE;
    plat_mutex_lock(gil.mu);
    gil.held = false;
    bool others = gil.waiting > 0;
    plat_cond_signal(gil.cond);
    plat_mutex_unlock(gil.mu);
    if (others) plat_thread_yield();
}

void txn_slice_retry(VM *vm) { (void)vm; abort(); }     /* nothing aborts without the STM */
void txn_slice_level_exit(VM *vm) { vm->slice_level = -1; }

void txn_slice_boundary(VM *vm) {
    vm->ticks = SLICE_TICKS;
    if (vm->atomic_depth > 0) return;
    if (atomic_load(&G->nuser_threads) == 0 && !vm->txrun && vm->ident == G->main_ident) {
        gil_drop(vm);
        vm->threaded = false;
        return;
    }
    gil_drop(vm);
    gil_take(vm);
}

void txn_enter_threaded(VM *vm) {
    if (vm->threaded) return;
    if (!gil.mu) {
        gil.mu = plat_mutex_new();
        gil.cond = plat_cond_new();
    }
    vm->threaded = true;
    gil_take(vm);
}

void txn_thread_start(VM *vm) {
    vm->threaded = true;
    gil_take(vm);
}

void txn_before_wait(VM *vm) { gil_drop(vm); }
void txn_after_wait(VM *vm) {
    if (vm->threaded && vm->tx_kind == TXK_NONE) gil_take(vm);
}
void txn_thread_end(VM *vm) { gil_drop(vm); }

#endif

/* ---- STM hooks ---- */
/* Called by the STM on the aborting thread. */
void txn_conflict_hook(void *ctx, const StmHdr *obj, StmSite rs, StmSite ws) {
    (void)ctx;
    const char *tn = obj ? ((const Obj *)obj)->type->name : "?";
    plat_mutex_lock(cs.lock);
    int i;
    for (i = 0; i < cs.nsites; i++) {
        ConflictSite *s = &cs.sites[i];
        if (s->rcode == rs.code && s->roff == rs.offset && s->wcode == ws.code && s->woff == ws.offset &&
            s->type_name == tn) {
            s->count++;
            break;
        }
    }
    if (i == cs.nsites && cs.nsites < MAX_SITES) {
        ConflictSite *s = &cs.sites[cs.nsites++];
        s->rcode = rs.code;
        s->roff = rs.offset;
        s->wcode = ws.code;
        s->woff = ws.offset;
        s->type_name = tn;
        s->count = 1;
    }
    plat_mutex_unlock(cs.lock);
}

/* Called under the commit lock, in commit order. */
void txn_committed_hook(void *ctx) {
    VM *vm = ctx;
    io_emit_committed(vm);
    txn_attempt_done(vm);
    if (vm->commit_action) vm->commit_action(vm);
    if (vm->released_lock) {
        vm->released_lock = false;
        lock_released_wake();
    }
}

/* ---- --stm-stats ---- */
void txn_collect_stats(VM *vm) {
    stm_stats_add(&vm->tx.stats);
    memset(&vm->tx.stats, 0, sizeof vm->tx.stats);
}

/* The top conflict sites, by count (statistics, never transactional). */
int txn_conflicts(TxnConflict *out, int max) {
    plat_mutex_lock(cs.lock);
    bool taken[MAX_SITES] = {false};
    int n = 0;
    for (; n < max; n++) {
        int best = -1;
        for (int i = 0; i < cs.nsites; i++)
            if (!taken[i] && cs.sites[i].count && (best < 0 || cs.sites[i].count > cs.sites[best].count)) best = i;
        if (best < 0) break;
        taken[best] = true;
        ConflictSite *c = &cs.sites[best];
        out[n].count = c->count;
        out[n].type_name = c->type_name;
        out[n].rfile = c->rcode ? str_cstr(((const Code *)c->rcode)->filename) : "?";
        out[n].rline = c->rcode ? code_addr2line(c->rcode, c->roff) : 0;
        out[n].wfile = c->wcode ? str_cstr(((const Code *)c->wcode)->filename) : "?";
        out[n].wline = c->wcode ? code_addr2line(c->wcode, c->woff) : 0;
    }
    plat_mutex_unlock(cs.lock);
    return n;
}

/* Totals over every thread (their counters are folded in first). */
void txn_stats(StmStats *st) {
    plat_mutex_lock(G->threads_lock);
    for (VM *v = G->threads; v; v = v->next_vm) txn_collect_stats(v);
    plat_mutex_unlock(G->threads_lock);
    stm_stats_get(st);
}

/* Between runs of an embedding: counters, conflict sites and events. */
void txn_stats_reset(void) {
    StmStats ignored;
    txn_stats(&ignored);
    stm_stats_reset();
    plat_mutex_lock(cs.lock);
    cs.nsites = 0;
    plat_mutex_unlock(cs.lock);
    txn_events_reset();
}

void txn_print_stats(VM *vm) {
    StmStats st;
    txn_stats(&st);
    vm_flush_std(vm);
    char line[512];
    snprintf(line, sizeof line,
             "stm: %llu committed, %llu aborted, %llu inevitable; %.3f s in committed transactions, %.3f s lost in aborts\n",
             (unsigned long long)st.commits, (unsigned long long)st.aborts, (unsigned long long)st.inevitable,
             (double)st.ns_committed / 1e9, (double)st.ns_aborted / 1e9);
    plat_write(2, line, strlen(line));
    TxnConflict top[10];
    int n = txn_conflicts(top, 10);
    for (int i = 0; i < n; i++) {
        snprintf(line, sizeof line, "stm: conflict x%llu: read at %s:%d, written at %s:%d (%s object)\n",
                 (unsigned long long)top[i].count, top[i].rfile, top[i].rline, top[i].wfile, top[i].wline,
                 top[i].type_name);
        plat_write(2, line, strlen(line));
    }
}
