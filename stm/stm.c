/* stm.c - the STM core (see stm.h for the contract, DESIGN.md for the why).
 *
 * Shared state:
 *   S.gseq          commit sequence lock: even = stable, odd = a commit is
 *                   writing back.  Every commit adds 2.
 *   S.log           ring of (address, object, site) written by commits, in
 *                   commit order; S.commit_end[k] is the log position after
 *                   the commit that made gseq == 2k.
 *   S.commit_ticket the ticket allowed to commit next (ordered mode).
 *   S.inevitable    id of the inevitable transaction, or 0.
 * Per transaction (private): read/write marks, redo log, first-read sites.
 *
 * Memory ordering: write-back stores are release stores made while gseq is
 * odd (entered with an acq_rel CAS); readers load a word with acquire and
 * then gseq: if gseq still equals their snapshot the word belongs to that
 * snapshot (the seqlock argument).
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
#define STM_LOG_BITS 18
#define STM_COMMITS_BITS 14

typedef struct LogEntry {
    const uint64_t *addr;
    const StmHdr *obj;
    StmSite site;
} LogEntry;

static struct {
    _Atomic uint64_t gseq;
    _Atomic uint64_t commit_ticket;
    _Atomic uint64_t next_ticket;
    _Atomic uint32_t next_id;
    _Atomic uint32_t inevitable;
    _Atomic uint64_t global_abort_at;   /* gseq value of the last commit that requested it */
    _Atomic uint64_t log_head;
    LogEntry *log;
    uint64_t *commit_end;
    StmHooks hooks;
    PlatMutex *lock;                    /* registry, stats, waiting */
    PlatCond *cond;                     /* broadcast on every commit */
    StmTx **txs;
    size_t ntxs, cap_txs;
    StmStats totals;
    void (*wait_enter)(void *);
    void (*wait_leave)(void *);
} S;

static inline uint64_t ld_acq(const uint64_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void st_rel(uint64_t *p, uint64_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }

void stm_init(const StmHooks *hooks) {
    S.hooks = *hooks;
    S.lock = plat_mutex_new();
    S.cond = plat_cond_new();
    S.log = calloc((size_t)1 << STM_LOG_BITS, sizeof(LogEntry));
    S.commit_end = calloc((size_t)1 << STM_COMMITS_BITS, sizeof(uint64_t));
    atomic_store(&S.next_id, 1);
    if (!S.lock || !S.cond || !S.log || !S.commit_end) abort();
}

void stm_set_wait_hooks(void (*enter)(void *), void (*leave)(void *)) {
    S.wait_enter = enter;
    S.wait_leave = leave;
}

static uint32_t new_id(void) {
    uint32_t id = atomic_fetch_add(&S.next_id, 1);
    if (id == 0) id = atomic_fetch_add(&S.next_id, 1);
    return id;
}

bool stm_tx_init(StmTx *tx, void *thread_ctx) {
    memset(tx, 0, sizeof *tx);
    tx->thread_ctx = thread_ctx;
    tx->direct = true;
    tx->id = new_id();
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
    tx->marks = NULL;
    tx->redo = NULL;
    tx->redo_order = NULL;
    tx->rsites = NULL;
}

void stm_set_direct(StmTx *tx, bool direct) {
    tx->direct = direct;
    if (!direct) tx->id = new_id();
}

/* ---- tickets ---- */
uint64_t stm_next_ticket(void) { return atomic_fetch_add(&S.next_ticket, 1); }
uint64_t stm_committing_ticket(void) { return atomic_load(&S.commit_ticket); }

void stm_skip_ticket(uint64_t ticket) {
    plat_mutex_lock(S.lock);
    if (atomic_load(&S.commit_ticket) == ticket) atomic_fetch_add(&S.commit_ticket, 1);
    plat_cond_broadcast(S.cond);
    plat_mutex_unlock(S.lock);
}

void stm_reset_tickets(void) {
    atomic_store(&S.next_ticket, 0);
    atomic_store(&S.commit_ticket, 0);
}

/* ---- per-transaction logs ---- */
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

static StmRedoEntry *redo_find(StmTx *tx, const uint64_t *addr) {
    uint32_t i = redo_hash(addr, tx->redo_mask);
    for (;;) {
        StmRedoEntry *e = &tx->redo[i];
        if (e->addr == addr) return e;
        if (!e->addr) return NULL;
        i = (i + 1) & tx->redo_mask;
    }
}

static bool redo_grow(StmTx *tx) {
    uint32_t ncap = (tx->redo_mask + 1) * 2;
    StmRedoEntry *nr = calloc(ncap, sizeof *nr);
    uint32_t *no = malloc(ncap * sizeof *no);
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
        StmReadSite *n = realloc(tx->rsites, nc * sizeof *n);
        if (!n) return;                 /* sites are for reports only */
        tx->rsites = n;
        tx->rsite_cap = nc;
    }
    StmReadSite *r = &tx->rsites[tx->rsite_count++];
    r->addr = addr;
    r->site = current_site(tx);
}

static StmSite find_rsite(StmTx *tx, const uint64_t *addr) {
    uint32_t want = (uint32_t)((uintptr_t)addr >> 3) & tx->mark_mask;
    for (uint32_t i = 0; i < tx->rsite_count; i++)
        if (tx->rsites[i].addr == addr) return tx->rsites[i].site;
    for (uint32_t i = 0; i < tx->rsite_count; i++)
        if (((uint32_t)((uintptr_t)tx->rsites[i].addr >> 3) & tx->mark_mask) == want) return tx->rsites[i].site;
    StmSite none = {0, 0};
    return none;
}

/* ---- validation ---- */
static inline bool marked_read(const StmTx *tx, const uint64_t *addr) {
    uint32_t m = tx->marks[(uint32_t)((uintptr_t)addr >> 3) & tx->mark_mask];
    return (m >> 2) == tx->epoch && (m & 1);
}

static void wait_hooks_enter(StmTx *tx) { if (S.wait_enter) S.wait_enter(tx->thread_ctx); }
static void wait_hooks_leave(StmTx *tx) { if (S.wait_leave) S.wait_leave(tx->thread_ctx); }

/* Check the commits in (tx->snap, g] against this transaction's read marks.
 * Returns 0 if none conflicts, else the abort reason (and reports the
 * conflict through the hook when `report`). */
static StmAbortReason check_range(StmTx *tx, uint64_t g, bool report) {
    uint64_t s = tx->snap;
    if (s == g) return 0;
    uint64_t cmask = ((uint64_t)1 << STM_COMMITS_BITS) - 1;
    uint64_t lmask = ((uint64_t)1 << STM_LOG_BITS) - 1;
    if ((g - s) / 2 > cmask) return STM_ABORT_LOG_OVERFLOW;
    uint64_t ga = atomic_load(&S.global_abort_at);
    if (ga > s && ga <= g) return STM_ABORT_GLOBAL;
    uint64_t from = __atomic_load_n(&S.commit_end[(s / 2) & cmask], __ATOMIC_ACQUIRE);
    uint64_t to = __atomic_load_n(&S.commit_end[(g / 2) & cmask], __ATOMIC_ACQUIRE);
    if (to - from > lmask) return STM_ABORT_LOG_OVERFLOW;
    for (uint64_t p = from; p < to; p++) {
        const LogEntry *e = &S.log[p & lmask];
        const uint64_t *addr = __atomic_load_n(&e->addr, __ATOMIC_RELAXED);
        if (marked_read(tx, addr)) {
            if (report && S.hooks.conflict) {
                StmSite rs = find_rsite(tx, addr);
                S.hooks.conflict(tx->thread_ctx, e->obj, rs, e->site);
            }
            return STM_ABORT_CONFLICT;
        }
    }
    /* entries read: make sure none was overwritten by a later lap */
    if (atomic_load(&S.log_head) - from > lmask + 1) return STM_ABORT_LOG_OVERFLOW;
    return 0;
}

static void validate_now(StmTx *tx) {
    for (;;) {
        uint64_t g = atomic_load_explicit(&S.gseq, memory_order_acquire);
        if (g & 1) {
            plat_thread_yield();
            continue;
        }
        if (g == tx->snap) return;
        StmAbortReason r = check_range(tx, g, true);
        if (r) stm_abort(tx, r);
        tx->snap = g;
        return;
    }
}

void stm_validate(StmTx *tx) {
    if (!tx->active || tx->direct || tx->inevitable) return;
    if (tx->abort_reason) stm_abort(tx, tx->abort_reason);
    if (atomic_load_explicit(&S.gseq, memory_order_acquire) != tx->snap) validate_now(tx);
}

/* ---- barriers ---- */
uint64_t stm_read_slow(StmTx *tx, const uint64_t *addr) {
    uint32_t idx = (uint32_t)((uintptr_t)addr >> 3) & tx->mark_mask;
    uint32_t m = tx->marks[idx];
    if ((m >> 2) == tx->epoch) {
        if (m & 2) {
            StmRedoEntry *e = redo_find(tx, addr);
            if (e) return e->value;
        }
        if (!(m & 1)) {
            tx->marks[idx] = m | 1;
            record_rsite(tx, addr);
        }
    } else {
        tx->marks[idx] = (tx->epoch << 2) | 1;
        record_rsite(tx, addr);
    }
    tx->stats.reads_slow++;
    if (tx->inevitable) return ld_acq(addr);
    for (;;) {
        uint64_t v = ld_acq(addr);
        uint64_t g = atomic_load_explicit(&S.gseq, memory_order_acquire);
        if (g == tx->snap) return v;
        validate_now(tx);
    }
}

void stm_write_slow(StmTx *tx, const StmHdr *obj, uint64_t *addr, uint64_t value, bool is_value) {
    uint32_t idx = (uint32_t)((uintptr_t)addr >> 3) & tx->mark_mask;
    uint32_t m = tx->marks[idx];
    StmRedoEntry *e = NULL;
    if ((m >> 2) == tx->epoch) {
        if (m & 2) e = redo_find(tx, addr);
        else tx->marks[idx] = m | 2;
    } else {
        tx->marks[idx] = (tx->epoch << 2) | 2;
    }
    if (e) {
        e->value = value;
        e->is_value = is_value;
        return;
    }
    if ((tx->redo_count + 1) * 2 > tx->redo_mask + 1 && !redo_grow(tx)) {
        /* Out of memory for the log: the only safe way on is to retry
         * inevitably, where writes still need the log... give up this
         * attempt; the caller's retry loop makes it inevitable. */
        stm_abort(tx, STM_ABORT_REQUESTED);
    }
    uint32_t i = redo_hash(addr, tx->redo_mask);
    while (tx->redo[i].addr) i = (i + 1) & tx->redo_mask;
    e = &tx->redo[i];
    e->addr = addr;
    e->value = value;
    e->obj = obj;
    e->is_value = is_value;
    e->site = current_site(tx);
    tx->redo_order[tx->redo_count++] = i;
    tx->stats.writes_logged++;
}

/* ---- begin / commit / abort ---- */
void stm_begin(StmTx *tx, uint64_t ticket, jmp_buf *jmp) {
    tx->id = new_id();
    tx->ticket = ticket;
    tx->jmp = jmp;
    tx->active = true;
    tx->inevitable = false;
    tx->abort_reason = 0;
    tx->start_ns = plat_monotonic_ns();
    for (;;) {
        uint64_t g = atomic_load_explicit(&S.gseq, memory_order_acquire);
        if (!(g & 1)) { tx->snap = g; break; }
        plat_thread_yield();
    }
}

static void finish(StmTx *tx, bool committed) {
    int64_t ns = plat_monotonic_ns() - tx->start_ns;
    if (committed) {
        tx->stats.commits++;
        tx->stats.ns_committed += (uint64_t)ns;
        tx->consecutive_aborts = 0;
    } else {
        tx->stats.aborts++;
        tx->stats.ns_aborted += (uint64_t)ns;
        tx->consecutive_aborts++;
    }
    if (tx->inevitable) {
        tx->stats.inevitable++;
        atomic_store(&S.inevitable, 0);
    }
    clear_logs(tx);
    tx->active = false;
    tx->inevitable = false;
    tx->global_abort = false;
}

_Noreturn void stm_abort(StmTx *tx, StmAbortReason why) {
    if (tx->inevitable) abort();        /* cannot happen: an inevitable transaction is never invalidated */
    tx->abort_reason = why;
    finish(tx, false);
    longjmp(*tx->jmp, 1);
}

void stm_request_global_abort(StmTx *tx) {
    tx->global_abort = true;            /* acted on by this transaction's commit */
}

/* Wait (parked, so that the GC can run) until cond() holds, validating on
 * every wake-up so that a doomed transaction stops waiting. */
static void wait_until(StmTx *tx, bool (*cond)(StmTx *)) {
    int spins = 0;
    while (!cond(tx)) {
        if (!tx->inevitable) validate_now(tx);
        if (spins < 64) {
            spins++;
            plat_thread_yield();
            continue;
        }
        wait_hooks_enter(tx);
        plat_mutex_lock(S.lock);
        if (!cond(tx)) plat_cond_timedwait(S.cond, S.lock, 2000000);
        plat_mutex_unlock(S.lock);
        wait_hooks_leave(tx);
        if (tx->abort_reason) stm_abort(tx, tx->abort_reason);
    }
}

static bool my_turn(StmTx *tx) {
    return tx->ticket == STM_UNORDERED || atomic_load(&S.commit_ticket) == tx->ticket;
}

static bool no_other_inevitable(StmTx *tx) {
    uint32_t v = atomic_load(&S.inevitable);
    return v == 0 || v == tx->id;
}

void stm_become_inevitable(StmTx *tx) {
    if (tx->direct || tx->inevitable || !tx->active) return;
    wait_until(tx, my_turn);
    for (;;) {
        uint32_t expect = 0;
        if (atomic_compare_exchange_strong(&S.inevitable, &expect, tx->id)) break;
        wait_until(tx, no_other_inevitable);
    }
    /* Nobody commits from now on (commits check S.inevitable under the
     * sequence lock); bring the snapshot up to date. */
    for (;;) {
        uint64_t g = atomic_load_explicit(&S.gseq, memory_order_acquire);
        if (g & 1) { plat_thread_yield(); continue; }
        if (g != tx->snap) {
            StmAbortReason r = check_range(tx, g, true);
            if (r) {
                atomic_store(&S.inevitable, 0);
                stm_abort(tx, r);
            }
            tx->snap = g;
        }
        break;
    }
    tx->inevitable = true;
}

void stm_commit(StmTx *tx) {
    if (tx->direct) return;
    wait_until(tx, my_turn);
    uint64_t g;
    for (;;) {
        if (!tx->inevitable) wait_until(tx, no_other_inevitable);
        g = atomic_load_explicit(&S.gseq, memory_order_acquire);
        if (g & 1) { plat_thread_yield(); continue; }
        if (atomic_compare_exchange_weak_explicit(&S.gseq, &g, g + 1, memory_order_acq_rel,
                                                  memory_order_relaxed)) {
            uint32_t v = atomic_load(&S.inevitable);
            if (v == 0 || v == tx->id) break;
            atomic_store_explicit(&S.gseq, g, memory_order_release);   /* back off */
        }
    }
    /* We hold the sequence lock (gseq == g + 1). */
    if (!tx->inevitable && g != tx->snap) {
        StmAbortReason r = check_range(tx, g, true);
        if (r) {
            atomic_store_explicit(&S.gseq, g, memory_order_release);
            stm_abort(tx, r);
        }
    }
    uint64_t lmask = ((uint64_t)1 << STM_LOG_BITS) - 1;
    uint64_t cmask = ((uint64_t)1 << STM_COMMITS_BITS) - 1;
    uint64_t head = atomic_load(&S.log_head);
    for (uint32_t k = 0; k < tx->redo_count; k++) {
        StmRedoEntry *e = &tx->redo[tx->redo_order[k]];
        st_rel(e->addr, e->value);
        LogEntry *le = &S.log[head & lmask];
        __atomic_store_n(&le->addr, e->addr, __ATOMIC_RELAXED);
        le->obj = e->obj;
        le->site = e->site;
        head++;
    }
    atomic_store_explicit(&S.log_head, head, memory_order_release);
    uint64_t ng = g + 2;
    __atomic_store_n(&S.commit_end[(ng / 2) & cmask], head, __ATOMIC_RELEASE);
    if (tx->global_abort) atomic_store(&S.global_abort_at, ng);
    if (S.hooks.committed) S.hooks.committed(tx->thread_ctx);
    atomic_store_explicit(&S.gseq, ng, memory_order_release);
    if (tx->ticket != STM_UNORDERED) atomic_fetch_add(&S.commit_ticket, 1);
    tx->snap = ng;
    finish(tx, true);
    plat_mutex_lock(S.lock);
    plat_cond_broadcast(S.cond);
    plat_mutex_unlock(S.lock);
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
 * safe point or parked.  Validate each on its owner's behalf (a conflict is
 * recorded in abort_reason and acted on when the owner resumes), then forget
 * the log. */
void stm_gc_clear_log(void) {
    uint64_t g = atomic_load(&S.gseq);
    plat_mutex_lock(S.lock);
    for (size_t i = 0; i < S.ntxs; i++) {
        StmTx *tx = S.txs[i];
        if (!tx->active || tx->direct || tx->inevitable) continue;
        if (tx->snap != g) {
            StmAbortReason r = check_range(tx, g, false);
            if (r && !tx->abort_reason) tx->abort_reason = r;
            tx->snap = g;
        }
    }
    plat_mutex_unlock(S.lock);
    uint64_t cmask = ((uint64_t)1 << STM_COMMITS_BITS) - 1;
    uint64_t head = atomic_load(&S.log_head);
    /* make every snapshot's start position equal to the current head */
    for (uint64_t k = 0; k <= cmask; k++) S.commit_end[k] = head;
}

/* ---- statistics ---- */
void stm_stats_add(const StmStats *s) {
    plat_mutex_lock(S.lock);
    S.totals.commits += s->commits;
    S.totals.aborts += s->aborts;
    S.totals.inevitable += s->inevitable;
    S.totals.ns_committed += s->ns_committed;
    S.totals.ns_aborted += s->ns_aborted;
    S.totals.reads_slow += s->reads_slow;
    S.totals.writes_logged += s->writes_logged;
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
