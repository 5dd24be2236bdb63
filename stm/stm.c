/* stm.c - the STM core (see stm.h for the contract, DESIGN.md for the why).
 *
 * Shared state:
 *   S.gseq          commit sequence lock: even = stable, odd = a commit is in
 *                   its critical section.  Every commit that writes adds 2; a
 *                   read-only commit that takes the lock (to run the
 *                   `committed` hook) or a writer that backs off restores it.
 *   S.log           ring of (address, object, site) written by commits, in
 *                   commit order; S.log_head is the end of the positions
 *                   reserved so far; S.commit_end[k] is the log position
 *                   after the commit that made gseq == 2k (a ring too).
 *   S.commit_ticket the ticket allowed to commit next (ordered mode);
 *                   S.skipped holds cancelled tickets not reached yet.
 *   S.inevitable    id of the inevitable transaction, or 0.
 * Per transaction (private to its thread): read/write marks, redo log,
 * first-read sites, deferred actions.
 *
 * Invariants: only the holder of the sequence lock writes shared words, log
 * entries, log_head, commit_end and global_abort_at; log positions below
 * commit_end[g/2] were fully written before gseq became g; a log slot or
 * commit_end slot is reused only after its ring has wrapped, which readers
 * detect (LOG_OVERFLOW) instead of trusting the slot.
 *
 * Memory ordering (argued in DESIGN.md): write-back stores and log entry
 * stores are release stores made after the acq_rel CAS that made gseq odd
 * and after the reservation of log_head; readers load words and log entries
 * with acquire and then re-load gseq / log_head, so seeing a newer value
 * forces seeing the lock or the reservation (the seqlock argument).  The
 * handshakes "commit vs inevitable", "waiter vs waker" and "ticket skip vs
 * commit" are store-then-load on two variables (Dekker) and use seq_cst.
 */
#include "stm.h"
#include "../platform/platform.h"
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>

#ifndef STM_MARK_BITS
#ifdef __wasm__
#define STM_MARK_BITS 18
#else
#define STM_MARK_BITS 20
#endif
#endif
#define LOG_SIZE ((uint64_t)STM_LOG_CAPACITY)
#define LOG_MASK (LOG_SIZE - 1)
#define COMMITS_MASK ((uint64_t)STM_MAX_COMMITS_BEHIND - 1)
#define ID_BLOCK 64u                    /* ids taken from the global counter at once */
#define SPINS 64                        /* busy polls before yielding the CPU */
#define REDO_MAX_CAP ((uint32_t)1 << 30)
#define WAIT_SLICE_NS 2000000           /* a parked waiter re-checks this often */

typedef struct LogEntry {
    const uint64_t *addr;
    const StmHdr *obj;
    StmSite site;
} LogEntry;

/* What a failed validation found, reported after the commit lock is free. */
typedef struct Conflict {
    const uint64_t *addr;
    const StmHdr *obj;
    StmSite site;
} Conflict;

/* Grouped by who writes what, one cache line per group, so that taking a
 * ticket or an id block does not disturb the gseq line every read checks. */
#define LINE 64
static struct {
    _Alignas(LINE) _Atomic uint64_t gseq;
    /* written by commits, read by validation */
    _Alignas(LINE) _Atomic uint64_t log_head;
    _Atomic uint64_t global_abort_at;   /* gseq value of the last commit that requested it */
    _Atomic uint64_t release_to;        /* gseq the lock holder will publish (for the GC) */
    /* turns: written at commits of ordered / inevitable transactions */
    _Alignas(LINE) _Atomic uint64_t commit_ticket;
    _Atomic uint32_t inevitable;
    _Atomic uint32_t waiters;           /* threads parked on cond */
    _Atomic size_t nskipped;            /* mirror of nskip, read without the lock */
    /* dispensers */
    _Alignas(LINE) _Atomic uint64_t next_ticket;
    _Atomic uint32_t next_id;
    /* read-mostly */
    _Alignas(LINE) _Atomic bool no_timing;  /* stm_set_timing(false) */
    LogEntry *log;
    uint64_t *commit_end;
    StmHooks hooks;
    void (*wait_enter)(void *);
    void (*wait_leave)(void *);
    /* under lock */
    PlatMutex *lock;                    /* registry, stats, skipped tickets, waiting */
    PlatCond *cond;                     /* broadcast when a turn or the inevitable slot moves */
    StmTx **txs;
    size_t ntxs, cap_txs;
    uint64_t *skipped;
    size_t nskip, cap_skip;
    StmStats totals;
} S;

#define NO_START INT64_MIN              /* start_ns of an untimed attempt */

/* Relaxed/acquire/release accesses to plain memory shared between threads. */
static inline uint64_t ld_acq(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void st_rel(uint64_t *p, uint64_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }

void stm_init(const StmHooks *hooks) {
    if (hooks) S.hooks = *hooks;
    S.lock = plat_mutex_new();
    S.cond = plat_cond_new();
    S.log = calloc(LOG_SIZE, sizeof(LogEntry));
    S.commit_end = calloc(COMMITS_MASK + 1, sizeof(uint64_t));
    atomic_store(&S.next_id, 1);
    if (!S.lock || !S.cond || !S.log || !S.commit_end) abort();
}

void stm_set_wait_hooks(void (*enter)(void *), void (*leave)(void *)) {
    S.wait_enter = enter;
    S.wait_leave = leave;
}

void stm_set_timing(bool on) { atomic_store_explicit(&S.no_timing, !on, memory_order_relaxed); }

static int64_t start_time(void) {
    return atomic_load_explicit(&S.no_timing, memory_order_relaxed) ? NO_START : plat_monotonic_ns();
}

const char *stm_abort_reason_name(StmAbortReason why) {
    switch (why) {
    case STM_ABORT_CONFLICT: return "conflict";
    case STM_ABORT_LOG_OVERFLOW: return "commit log overflow";
    case STM_ABORT_REQUESTED: return "requested";
    case STM_ABORT_GLOBAL: return "global abort";
    case STM_ABORT_NO_MEMORY: return "out of memory";
    default: return "?";
    }
}

/* A fresh transaction id: unique among all ids handed out (until the 32-bit
 * counter wraps, see DESIGN.md), never 0.  Blocks of ID_BLOCK keep the
 * global counter off the hot path. */
static uint32_t fresh_id(StmTx *tx) {
    for (;;) {
        if (tx->id_left == 0) {
            tx->id_next = atomic_fetch_add_explicit(&S.next_id, ID_BLOCK, memory_order_relaxed);
            tx->id_left = ID_BLOCK;
        }
        uint32_t id = tx->id_next++;
        tx->id_left--;
        if (id != 0) return id;
    }
}

bool stm_tx_init(StmTx *tx, void *thread_ctx) {
    memset(tx, 0, sizeof *tx);
    tx->thread_ctx = thread_ctx;
    tx->direct = true;
    tx->idle_id = fresh_id(tx);
    tx->id = tx->idle_id;
    tx->epoch = 1;
    tx->ticket = STM_UNORDERED;
    tx->mark_mask = (1u << STM_MARK_BITS) - 1;
    tx->marks = calloc((size_t)1 << STM_MARK_BITS, sizeof(uint32_t));
    tx->redo_mask = 255;
    tx->redo = calloc(256, sizeof(StmRedoEntry));
    tx->redo_order = malloc(256 * sizeof(uint32_t));
    tx->rsite_cap = 256;
    tx->rsites = malloc(256 * sizeof(StmReadSite));
    if (!tx->marks || !tx->redo || !tx->redo_order || !tx->rsites) {
        stm_tx_fini(tx);
        return false;
    }
    plat_mutex_lock(S.lock);
    if (S.ntxs == S.cap_txs) {
        size_t nc = S.cap_txs ? S.cap_txs * 2 : 16;
        StmTx **n = realloc(S.txs, nc * sizeof *n);
        if (!n) { plat_mutex_unlock(S.lock); stm_tx_fini(tx); return false; }
        S.txs = n;
        S.cap_txs = nc;
    }
    S.txs[S.ntxs++] = tx;
    plat_mutex_unlock(S.lock);
    return true;
}

void stm_tx_fini(StmTx *tx) {
    plat_mutex_lock(S.lock);
    for (size_t i = 0; i < S.ntxs; i++) {
        if (S.txs[i] == tx) {
            S.txs[i] = S.txs[--S.ntxs];
            break;
        }
    }
    plat_mutex_unlock(S.lock);
    free(tx->marks);
    free(tx->redo);
    free(tx->redo_order);
    free(tx->rsites);
    free(tx->actions);
    tx->marks = NULL;
    tx->redo = NULL;
    tx->redo_order = NULL;
    tx->rsites = NULL;
    tx->actions = NULL;
    tx->action_count = tx->action_cap = 0;
}

/* ---- waiting ----
 * A waiter re-checks its condition after registering in S.waiters; a waker
 * changes the state and then looks at S.waiters (both seq_cst), so either
 * the waiter sees the change or the waker sees the waiter and broadcasts
 * under the lock the waiter holds until it sleeps. */
static void wake_waiters(void) {
    if (atomic_load(&S.waiters) == 0) return;
    plat_mutex_lock(S.lock);
    plat_cond_broadcast(S.cond);
    plat_mutex_unlock(S.lock);
}

/* The current gseq once no commit is in its critical section (seq_cst:
 * stm_become_inevitable's side of the handshake with lock_seq). */
static uint64_t stable_gseq(void) {
    for (unsigned n = 0;; n++) {
        uint64_t g = atomic_load(&S.gseq);
        if (!(g & 1)) return g;
        if (n >= SPINS) plat_thread_yield();
    }
}

/* ---- tickets ---- */
uint64_t stm_next_ticket(void) { return atomic_fetch_add(&S.next_ticket, 1); }
uint64_t stm_committing_ticket(void) { return atomic_load(&S.commit_ticket); }

/* Move the turn past skipped tickets.  S.lock held. */
static void skip_forward(void) {
    for (;;) {
        uint64_t ct = atomic_load(&S.commit_ticket);
        size_t i = 0;
        while (i < S.nskip && S.skipped[i] != ct) i++;
        if (i == S.nskip) return;
        S.skipped[i] = S.skipped[--S.nskip];
        atomic_store(&S.nskipped, S.nskip);
        atomic_compare_exchange_strong(&S.commit_ticket, &ct, ct + 1);
    }
}

/* Ticket t committed: the turn goes to t + 1 (and past skipped ones). */
static void advance_ticket(uint64_t t) {
    atomic_compare_exchange_strong(&S.commit_ticket, &t, t + 1);
    if (atomic_load(&S.nskipped) != 0) {
        plat_mutex_lock(S.lock);
        skip_forward();
        plat_mutex_unlock(S.lock);
    }
}

void stm_skip_ticket(uint64_t ticket) {
    plat_mutex_lock(S.lock);
    bool known = ticket < atomic_load(&S.commit_ticket) || ticket == STM_UNORDERED;
    for (size_t i = 0; i < S.nskip && !known; i++) known = S.skipped[i] == ticket;
    if (!known) {
        if (S.nskip == S.cap_skip) {
            size_t nc = S.cap_skip ? S.cap_skip * 2 : 16;
            uint64_t *n = realloc(S.skipped, nc * sizeof *n);
            if (!n) abort();            /* a few bytes: nothing sensible is left to do */
            S.skipped = n;
            S.cap_skip = nc;
        }
        S.skipped[S.nskip++] = ticket;
        atomic_store(&S.nskipped, S.nskip);
    }
    skip_forward();
    plat_mutex_unlock(S.lock);
    wake_waiters();
}

void stm_reset_tickets(void) {
    plat_mutex_lock(S.lock);
    S.nskip = 0;
    atomic_store(&S.nskipped, 0);
    atomic_store(&S.next_ticket, 0);
    atomic_store(&S.commit_ticket, 0);
    plat_mutex_unlock(S.lock);
}

/* ---- per-transaction logs ---- */
/* realloc for n elements; NULL if the size overflows (32-bit size_t). */
static void *array_realloc(void *p, size_t n, size_t size) {
    return n > SIZE_MAX / size ? NULL : realloc(p, n * size);
}

static inline uint32_t mark_index(const StmTx *tx, const uint64_t *addr) {
    return (uint32_t)((uintptr_t)addr >> 3) & tx->mark_mask;
}

static void clear_logs(StmTx *tx) {
    for (uint32_t i = 0; i < tx->redo_count; i++) tx->redo[tx->redo_order[i]].addr = NULL;
    tx->redo_count = 0;
    tx->rsite_count = 0;
    if (++tx->epoch >= (1u << 30)) {
        memset(tx->marks, 0, ((size_t)tx->mark_mask + 1) * sizeof(uint32_t));
        tx->epoch = 1;
    }
}

static inline uint32_t redo_hash(const uint64_t *addr, uint32_t mask) {
    uint64_t a = (uint64_t)(uintptr_t)addr >> 3;
    a *= 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(a >> 32) & mask;
}

/* The slot holding addr, or the empty slot where it would go. */
static inline StmRedoEntry *redo_slot(StmTx *tx, const uint64_t *addr) {
    uint32_t i = redo_hash(addr, tx->redo_mask);
    for (;;) {
        StmRedoEntry *e = &tx->redo[i];
        if (e->addr == addr || !e->addr) return e;
        i = (i + 1) & tx->redo_mask;
    }
}

static bool redo_grow(StmTx *tx) {
    uint32_t ncap = (tx->redo_mask + 1) * 2;
    if (ncap > REDO_MAX_CAP) return false;
    StmRedoEntry *nr = calloc(ncap, sizeof *nr);
    uint32_t *no = array_realloc(NULL, ncap, sizeof *no);
    if (!nr || !no) { free(nr); free(no); return false; }
    for (uint32_t k = 0; k < tx->redo_count; k++) {
        StmRedoEntry *e = &tx->redo[tx->redo_order[k]];
        uint32_t i = redo_hash(e->addr, ncap - 1);
        while (nr[i].addr) i = (i + 1) & (ncap - 1);
        nr[i] = *e;
        no[k] = i;
    }
    free(tx->redo);
    free(tx->redo_order);
    tx->redo = nr;
    tx->redo_order = no;
    tx->redo_mask = ncap - 1;
    return true;
}

static StmSite current_site(StmTx *tx) {
    if (S.hooks.site) return S.hooks.site(tx->thread_ctx);
    StmSite s = {0, 0};
    return s;
}

static void record_rsite(StmTx *tx, const uint64_t *addr) {
    if (tx->rsite_count == tx->rsite_cap) {
        uint32_t nc = tx->rsite_cap * 2;
        StmReadSite *n = nc > tx->rsite_cap ? array_realloc(tx->rsites, nc, sizeof *n) : NULL;
        if (!n) return;                 /* sites are for reports only */
        tx->rsites = n;
        tx->rsite_cap = nc;
    }
    StmReadSite *r = &tx->rsites[tx->rsite_count++];
    r->addr = addr;
    r->site = current_site(tx);
}

/* Where the transaction first read addr (or a word sharing its mark). */
static StmSite find_rsite(StmTx *tx, const uint64_t *addr) {
    uint32_t want = mark_index(tx, addr);
    for (uint32_t i = 0; i < tx->rsite_count; i++)
        if (tx->rsites[i].addr == addr) return tx->rsites[i].site;
    for (uint32_t i = 0; i < tx->rsite_count; i++)
        if (mark_index(tx, tx->rsites[i].addr) == want) return tx->rsites[i].site;
    StmSite none = {0, 0};
    return none;
}

/* ---- deferred actions ---- */
static bool push_action(StmTx *tx, StmActionFn fn, void *arg, bool at_commit) {
    if (tx->action_count == tx->action_cap) {
        uint32_t nc = tx->action_cap ? tx->action_cap * 2 : 8;
        StmAction *n = nc > tx->action_cap ? array_realloc(tx->actions, nc, sizeof *n) : NULL;
        if (!n) return false;
        tx->actions = n;
        tx->action_cap = nc;
    }
    StmAction *a = &tx->actions[tx->action_count++];
    a->fn = fn;
    a->arg = arg;
    a->at_commit = at_commit;
    return true;
}

bool stm_on_abort(StmTx *tx, StmActionFn fn, void *arg) {
    if (!tx->active || tx->direct || tx->inevitable) return true;   /* cannot abort */
    return push_action(tx, fn, arg, false);
}

bool stm_on_commit(StmTx *tx, StmActionFn fn, void *arg) {
    if (!tx->active || tx->direct) {
        fn(arg);
        return true;
    }
    return push_action(tx, fn, arg, true);
}

/* Run the commit actions in order, or the undo actions in reverse; forget all. */
static void run_actions(StmTx *tx, bool committed) {
    uint32_t n = tx->action_count;
    tx->action_count = 0;
    if (committed) {
        for (uint32_t i = 0; i < n; i++)
            if (tx->actions[i].at_commit) tx->actions[i].fn(tx->actions[i].arg);
    } else {
        for (uint32_t i = n; i-- > 0;)
            if (!tx->actions[i].at_commit) tx->actions[i].fn(tx->actions[i].arg);
    }
}

/* ---- validation ---- */
static void wait_hooks_enter(StmTx *tx) { if (S.wait_enter) S.wait_enter(tx->thread_ctx); }
static void wait_hooks_leave(StmTx *tx) { if (S.wait_leave) S.wait_leave(tx->thread_ctx); }

/* Check the commits in (tx->snap, g] (g even, stable when read) against
 * this transaction's read marks.  Returns 0 if none conflicts, else the
 * abort reason (with *c describing a CONFLICT). */
static StmAbortReason check_range(const StmTx *tx, uint64_t g, Conflict *c) {
    uint64_t s = tx->snap;
    if (s == g) return 0;
    if (g - s > 2 * COMMITS_MASK) return STM_ABORT_LOG_OVERFLOW;
    /* A global abort after the snapshot dooms us even if it is after g. */
    if (atomic_load(&S.global_abort_at) > s) return STM_ABORT_GLOBAL;
    uint64_t from = ld_acq(&S.commit_end[(s / 2) & COMMITS_MASK]);
    uint64_t to = ld_acq(&S.commit_end[(g / 2) & COMMITS_MASK]);
    /* The slot of s is rewritten by the commit making gseq s + 2 * ring size,
     * while gseq is odd just below it: neither slot was reused if gseq is
     * still below that (an acquire load of a rewritten slot would show it). */
    if (atomic_load_explicit(&S.gseq, memory_order_acquire) - s > 2 * COMMITS_MASK) return STM_ABORT_LOG_OVERFLOW;
    if (to - from > LOG_SIZE) return STM_ABORT_LOG_OVERFLOW;
    const uint32_t *marks = tx->marks;
    const uint32_t mask = tx->mark_mask;
    const uint32_t want = (tx->epoch << 2) | 1;
    for (uint64_t p = from; p < to; p++) {
        const LogEntry *e = &S.log[p & LOG_MASK];
        const uint64_t *addr = __atomic_load_n(&e->addr, __ATOMIC_ACQUIRE);
        if ((marks[(uint32_t)((uintptr_t)addr >> 3) & mask] & ~2u) != want) continue;
        c->addr = addr;
        c->obj = __atomic_load_n(&e->obj, __ATOMIC_ACQUIRE);
        c->site.code = __atomic_load_n(&e->site.code, __ATOMIC_ACQUIRE);
        c->site.offset = __atomic_load_n(&e->site.offset, __ATOMIC_ACQUIRE);
        if (atomic_load(&S.log_head) - from > LOG_SIZE) return STM_ABORT_LOG_OVERFLOW;
        return STM_ABORT_CONFLICT;
    }
    /* Entries were read: none was overwritten by a later lap if no position
     * from + LOG_SIZE or beyond was reserved (reservation precedes the
     * release stores of entries, which we loaded with acquire). */
    if (atomic_load(&S.log_head) - from > LOG_SIZE) return STM_ABORT_LOG_OVERFLOW;
    return 0;
}

/* Report a conflict (never under the commit lock) and abort. */
static _Noreturn void fail(StmTx *tx, StmAbortReason r, const Conflict *c) {
    if (r == STM_ABORT_CONFLICT && S.hooks.conflict)
        S.hooks.conflict(tx->thread_ctx, c->obj, find_rsite(tx, c->addr), c->site);
    stm_abort(tx, r);
}

/* Bring the snapshot up to date, or abort if a commit since invalidated a
 * read (or the collector found that it did). */
static void validate_now(StmTx *tx) {
    if (tx->abort_reason) stm_abort(tx, tx->abort_reason);
    uint64_t g = stable_gseq();
    if (g == tx->snap) return;
    Conflict c;
    StmAbortReason r = check_range(tx, g, &c);
    if (r) fail(tx, r, &c);
    tx->snap = g;
}

void stm_validate(StmTx *tx) {
    if (!tx->active || tx->direct || tx->inevitable) return;
    if (tx->abort_reason || atomic_load_explicit(&S.gseq, memory_order_acquire) != tx->snap) validate_now(tx);
}

/* ---- barriers ---- */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* Everything but a repeated read of a word not written: first reads, reads
 * after own writes, inevitable transactions, a moved snapshot. */
static NOINLINE uint64_t read_cold(StmTx *tx, const uint64_t *addr, uint32_t *mp, uint32_t m) {
    uint32_t tag = tx->epoch << 2;
    if ((m & ~3u) != tag) m = tag;                  /* a mark of an earlier transaction */
    if (m & 2) {
        StmRedoEntry *e = redo_slot(tx, addr);
        if (e->addr) return e->value;               /* read after own write */
    }
    tx->stats.reads_slow++;
    uint64_t v = ld_acq(addr);
    if (tx->inevitable) return v;                   /* nothing commits writes meanwhile */
    /* v belongs to the snapshot if gseq did not move; else move the snapshot
     * (checking earlier reads only: this word is not marked yet, so a commit
     * that wrote it is no conflict) and read again. */
    while (atomic_load_explicit(&S.gseq, memory_order_acquire) != tx->snap) {
        validate_now(tx);
        v = ld_acq(addr);
    }
    if (!(m & 1)) {
        *mp = m | 1;
        record_rsite(tx, addr);
    }
    return v;
}

uint64_t stm_read_slow(StmTx *tx, const uint64_t *addr) {
    uint32_t *mp = &tx->marks[mark_index(tx, addr)];
    uint32_t m = *mp;
    if (m == ((tx->epoch << 2) | 1)) {              /* read before, not written */
        uint64_t v = ld_acq(addr);
        if (atomic_load_explicit(&S.gseq, memory_order_acquire) == tx->snap) {
            tx->stats.reads_slow++;
            return v;
        }
    }
    return read_cold(tx, addr, mp, m);
}

void stm_write_slow(StmTx *tx, const StmHdr *obj, uint64_t *addr, uint64_t value, bool is_value) {
    uint32_t *mp = &tx->marks[mark_index(tx, addr)];
    uint32_t tag = tx->epoch << 2;
    uint32_t m = *mp;
    if ((m & ~3u) != tag) m = tag;
    if (m & 2) {
        StmRedoEntry *e = redo_slot(tx, addr);
        if (e->addr) {
            e->value = value;
            e->is_value = is_value;
            return;
        }
    } else {
        *mp = m | 2;
    }
    if ((tx->redo_count + 1) * 2 > tx->redo_mask + 1 && !redo_grow(tx))
        stm_abort(tx, STM_ABORT_NO_MEMORY);
    StmRedoEntry *e = redo_slot(tx, addr);
    e->addr = addr;
    e->value = value;
    e->obj = obj;
    e->is_value = is_value;
    e->site = current_site(tx);
    tx->redo_order[tx->redo_count++] = (uint32_t)(e - tx->redo);
    tx->stats.writes_logged++;
}

/* ---- begin / commit / abort ---- */
void stm_begin(StmTx *tx, uint64_t ticket, jmp_buf *jmp) {
    tx->ticket = ticket;
    tx->jmp = jmp;
    tx->active = true;
    tx->inevitable = false;
    tx->global_abort = false;
    tx->abort_reason = 0;
    if (tx->direct) return;
    tx->id = fresh_id(tx);
    tx->start_ns = start_time();
    tx->snap = stable_gseq();
}

/* End the attempt: statistics, logs, id.  The caller runs the actions and
 * wakes waiters (the inevitable slot may have been freed). */
static void finish(StmTx *tx, bool committed) {
    uint64_t ns = tx->start_ns == NO_START ? 0 : (uint64_t)(plat_monotonic_ns() - tx->start_ns);
    if (committed) {
        tx->stats.commits++;
        tx->stats.ns_committed += ns;
        tx->consecutive_aborts = 0;
    } else {
        tx->stats.aborts++;
        tx->stats.ns_aborted += ns;
        tx->consecutive_aborts++;
    }
    if (tx->inevitable) {
        tx->stats.inevitable++;
        atomic_store(&S.inevitable, 0);
    }
    clear_logs(tx);
    tx->id = tx->idle_id;
    tx->active = false;
    tx->inevitable = false;
    tx->global_abort = false;
    tx->commit_fn = NULL;
    if (tx->direct_pending) {
        tx->direct = true;
        tx->direct_pending = false;
    }
}

_Noreturn void stm_abort(StmTx *tx, StmAbortReason why) {
    /* An inevitable or direct transaction wrote in place or was promised
     * success; without an active transaction there is nowhere to unwind. */
    if (tx->inevitable || tx->direct || !tx->active) abort();
    tx->abort_reason = why;
    tx->stats.aborts_by_reason[(unsigned)why < STM_ABORT__COUNT ? why : STM_ABORT_REQUESTED]++;
    finish(tx, false);
    run_actions(tx, false);
    longjmp(*tx->jmp, 1);
}

void stm_request_global_abort(StmTx *tx) {
    tx->global_abort = true;            /* acted on by this transaction's commit */
}

/* Wait (parked, so that the GC can run) until cond() holds, validating on
 * every wake-up so that a doomed transaction stops waiting. */
static void wait_until(StmTx *tx, bool (*cond)(const StmTx *)) {
    if (cond(tx)) return;
    int64_t t0 = start_time();
    for (int spins = 0; !cond(tx); spins++) {
        if (!tx->inevitable) validate_now(tx);
        if (spins < SPINS) {
            plat_thread_yield();
            continue;
        }
        wait_hooks_enter(tx);
        plat_mutex_lock(S.lock);
        atomic_fetch_add(&S.waiters, 1);
        if (!cond(tx)) plat_cond_timedwait(S.cond, S.lock, WAIT_SLICE_NS);
        atomic_fetch_sub(&S.waiters, 1);
        plat_mutex_unlock(S.lock);
        wait_hooks_leave(tx);
    }
    if (t0 != NO_START) tx->stats.ns_waiting += (uint64_t)(plat_monotonic_ns() - t0);
    /* A collection during the wait may have validated us on our behalf and
     * found a conflict (stm_gc_clear_log): act on it before going on. */
    if (tx->abort_reason && !tx->inevitable) stm_abort(tx, tx->abort_reason);
}

static bool my_turn(const StmTx *tx) {
    return tx->ticket == STM_UNORDERED || atomic_load(&S.commit_ticket) == tx->ticket;
}

static bool no_other_inevitable(const StmTx *tx) {
    uint32_t v = atomic_load(&S.inevitable);
    return v == 0 || v == tx->id;
}

void stm_become_inevitable(StmTx *tx) {
    if (tx->direct || tx->inevitable || !tx->active) return;
    if (tx->abort_reason) stm_abort(tx, tx->abort_reason);
    wait_until(tx, my_turn);
    for (;;) {
        uint32_t expect = 0;
        if (atomic_compare_exchange_strong(&S.inevitable, &expect, tx->id)) break;
        wait_until(tx, no_other_inevitable);
    }
    /* Writers check S.inevitable after taking the lock, so once the lock is
     * seen free no write commits until we are done; bring the snapshot up
     * to date. */
    uint64_t g = stable_gseq();
    if (g != tx->snap) {
        Conflict c;
        StmAbortReason r = check_range(tx, g, &c);
        if (r) {
            atomic_store(&S.inevitable, 0);
            wake_waiters();
            fail(tx, r, &c);
        }
        tx->snap = g;
    }
    tx->inevitable = true;
}

/* Take the commit lock; returns the even gseq it replaced.  A writer backs
 * off while another transaction is inevitable. */
static uint64_t lock_seq(StmTx *tx, bool writer) {
    for (int n = 0;; n++) {
        if (writer && !tx->inevitable) wait_until(tx, no_other_inevitable);
        uint64_t g = atomic_load_explicit(&S.gseq, memory_order_relaxed);
        if (!(g & 1) && atomic_compare_exchange_weak_explicit(&S.gseq, &g, g + 1, memory_order_seq_cst,
                                                              memory_order_relaxed)) {
            if (!writer || no_other_inevitable(tx)) return g;
            atomic_store_explicit(&S.gseq, g, memory_order_release);   /* back off */
        }
        if (n >= SPINS) plat_thread_yield();
    }
}

/* Write the redo log back and append it to the commit log; the lock is
 * held (gseq == g + 1).  Returns the gseq to publish. */
static uint64_t write_back(StmTx *tx, uint64_t g) {
    uint64_t head = atomic_load_explicit(&S.log_head, memory_order_relaxed);
    uint32_t n = tx->redo_count;
    /* Reserve first: a reader that sees one of the entries below also sees
     * this (they are release stores after it). */
    atomic_store_explicit(&S.log_head, head + n, memory_order_relaxed);
    for (uint32_t k = 0; k < n; k++) {
        const StmRedoEntry *e = &tx->redo[tx->redo_order[k]];
        st_rel(e->addr, e->value);
        LogEntry *le = &S.log[(head + k) & LOG_MASK];
        __atomic_store_n(&le->addr, e->addr, __ATOMIC_RELEASE);
        __atomic_store_n(&le->obj, e->obj, __ATOMIC_RELEASE);
        __atomic_store_n(&le->site.code, e->site.code, __ATOMIC_RELEASE);
        __atomic_store_n(&le->site.offset, e->site.offset, __ATOMIC_RELEASE);
    }
    uint64_t end = head + n;
    if (tx->commit_fn) {
        tx->cw_pos = end;
        tx->commit_fn(tx, tx->commit_ctx);
        end = tx->cw_pos;
    }
    uint64_t ng = g + 2;
    st_rel(&S.commit_end[(ng / 2) & COMMITS_MASK], end);
    if (tx->global_abort) atomic_store(&S.global_abort_at, ng);
    return ng;
}

void stm_set_commit_fn(StmTx *tx, StmCommitFn fn, void *ctx) {
    tx->commit_fn = fn;
    tx->commit_ctx = ctx;
}

/* Inside write_back's critical section: store and log one word, reserving
 * its log position first (as write_back does for the redo log). */
void stm_commit_store(StmTx *tx, const StmHdr *obj, uint64_t *addr, uint64_t value, StmSite site) {
    uint64_t pos = tx->cw_pos++;
    atomic_store_explicit(&S.log_head, pos + 1, memory_order_relaxed);
    st_rel(addr, value);
    LogEntry *le = &S.log[pos & LOG_MASK];
    __atomic_store_n(&le->addr, addr, __ATOMIC_RELEASE);
    __atomic_store_n(&le->obj, obj, __ATOMIC_RELEASE);
    __atomic_store_n(&le->site.code, site.code, __ATOMIC_RELEASE);
    __atomic_store_n(&le->site.offset, site.offset, __ATOMIC_RELEASE);
}

void stm_commit(StmTx *tx) {
    if (!tx->active) return;
    if (tx->direct) {
        tx->active = false;
        tx->global_abort = false;
        tx->stats.commits++;
        if (tx->ticket != STM_UNORDERED) advance_ticket(tx->ticket);
        wake_waiters();
        return;
    }
    if (tx->abort_reason) stm_abort(tx, tx->abort_reason);
    wait_until(tx, my_turn);
    bool writer = tx->redo_count > 0 || tx->global_abort || tx->commit_fn;
    if (!writer && !S.hooks.committed) {
        /* Serialized at the snapshot validated now (after every earlier
         * ticket committed): no lock, no new gseq. */
        if (!tx->inevitable) validate_now(tx);
        finish(tx, true);
    } else {
        uint64_t g = lock_seq(tx, writer);
        if (!tx->inevitable && g != tx->snap) {
            Conflict c;
            StmAbortReason r = check_range(tx, g, &c);
            if (r) {
                atomic_store_explicit(&S.gseq, g, memory_order_release);
                fail(tx, r, &c);
            }
        }
        uint64_t ng = writer ? write_back(tx, g) : g;
        atomic_store_explicit(&S.release_to, ng, memory_order_relaxed);
        tx->active = false;             /* committed: the GC must not validate it */
        if (S.hooks.committed) S.hooks.committed(tx->thread_ctx);
        atomic_store_explicit(&S.gseq, ng, memory_order_release);
        finish(tx, true);
    }
    if (!writer) tx->stats.read_only++;
    run_actions(tx, true);
    if (tx->ticket != STM_UNORDERED) advance_ticket(tx->ticket);
    wake_waiters();
}

void stm_set_direct(StmTx *tx, bool direct) {
    tx->direct_pending = false;
    if (direct == tx->direct) return;
    if (direct) {
        if (tx->active) tx->direct_pending = true;
        else tx->direct = true;
        return;
    }
    tx->direct = false;
    if (!tx->active) return;
    /* Its in-place writes cannot be undone: continue inevitably.  No other
     * thread runs transactions yet, so the slot is free at once. */
    tx->id = fresh_id(tx);
    tx->start_ns = start_time();
    for (;;) {
        uint32_t expect = 0;
        if (atomic_compare_exchange_strong(&S.inevitable, &expect, tx->id)) break;
        plat_thread_yield();
    }
    tx->snap = stable_gseq();
    tx->inevitable = true;
}

/* ---- GC support ---- */
void stm_trace_tx(StmTx *tx, void (*mark_obj)(void *, const void *), void (*mark_val)(void *, uint64_t),
                  void *ctx) {
    for (uint32_t k = 0; k < tx->redo_count; k++) {
        StmRedoEntry *e = &tx->redo[tx->redo_order[k]];
        mark_obj(ctx, e->obj);
        if (e->is_value) mark_val(ctx, e->value);
        if (e->site.code) mark_obj(ctx, e->site.code);
    }
    for (uint32_t k = 0; k < tx->rsite_count; k++)
        if (tx->rsites[k].site.code) mark_obj(ctx, tx->rsites[k].site.code);
}

/* Called with the world stopped: every transaction is either running at a
 * safe point or parked, and no commit is in its critical section except,
 * possibly, one inside its `committed` hook (write-back done).  Validate
 * each transaction on its owner's behalf (a conflict is recorded in
 * abort_reason and acted on when the owner resumes), then forget the log. */
void stm_gc_clear_log(void) {
    uint64_t g = atomic_load(&S.gseq);
    if (g & 1) g = atomic_load_explicit(&S.release_to, memory_order_relaxed);
    plat_mutex_lock(S.lock);
    for (size_t i = 0; i < S.ntxs; i++) {
        StmTx *tx = S.txs[i];
        if (!tx->active || tx->direct || tx->inevitable) continue;
        if (tx->snap != g) {
            Conflict c;
            StmAbortReason r = check_range(tx, g, &c);
            if (r && !tx->abort_reason) tx->abort_reason = r;
            tx->snap = g;
        }
    }
    plat_mutex_unlock(S.lock);
    /* make every snapshot's start position equal to the current head */
    uint64_t head = atomic_load(&S.log_head);
    for (uint64_t k = 0; k <= COMMITS_MASK; k++) __atomic_store_n(&S.commit_end[k], head, __ATOMIC_RELAXED);
}

/* ---- statistics ---- */
static void stats_sum(StmStats *to, const StmStats *s) {
    to->commits += s->commits;
    to->aborts += s->aborts;
    to->inevitable += s->inevitable;
    to->ns_committed += s->ns_committed;
    to->ns_aborted += s->ns_aborted;
    to->reads_slow += s->reads_slow;
    to->writes_logged += s->writes_logged;
    for (int r = 0; r < STM_ABORT__COUNT; r++) to->aborts_by_reason[r] += s->aborts_by_reason[r];
    to->read_only += s->read_only;
    to->ns_waiting += s->ns_waiting;
}

void stm_stats_add(const StmStats *s) {
    plat_mutex_lock(S.lock);
    stats_sum(&S.totals, s);
    plat_mutex_unlock(S.lock);
}

void stm_stats_get(StmStats *out) {
    plat_mutex_lock(S.lock);
    *out = S.totals;
    plat_mutex_unlock(S.lock);
}

void stm_stats_reset(void) {
    plat_mutex_lock(S.lock);
    memset(&S.totals, 0, sizeof S.totals);
    plat_mutex_unlock(S.lock);
}
