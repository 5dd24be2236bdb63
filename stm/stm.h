/* stm.h - txpy's software transactional memory: the public interface.
 *
 * A word-based STM over 64-bit words with lazy versioning (redo log),
 * invisible-to-others read marks, reader-side validation against a global
 * commit log, and an optional fixed commit order.  It knows nothing of
 * Python: the VM tells it where objects start (every managed object begins
 * with an StmHdr) and which 64-bit words it reads and writes.
 *
 * The algorithm (details in stm/DESIGN.md):
 *  - A transaction's writes to shared words go to its redo log and are
 *    written back at commit, under a global commit sequence lock `gseq` (odd
 *    while a commit writes back).  Each commit appends the addresses it wrote
 *    to a global commit log.
 *  - A read of a shared word checks that `gseq` did not move since the
 *    transaction's snapshot, then sets the reader's private read mark for
 *    that word (a per-thread table indexed by address).  If it moved, the
 *    reader validates: it looks up every address committed since its
 *    snapshot in its own marks; a hit means a conflict and the transaction
 *    aborts at once; else the snapshot moves forward and the word is re-read.
 *    So every value a transaction ever sees belongs to one consistent
 *    snapshot (opacity): a doomed transaction never runs on torn data.
 *  - Objects allocated by the running transaction carry its id in their
 *    header (`owner`): they are private, read and written in place without
 *    marks or logging.  After commit no transaction has that id, so they are
 *    shared from then on.
 *  - Ordered transactions carry a ticket; they commit strictly in ticket
 *    order (the `transaction` module's serial order).  Unordered ones (thread
 *    slices) commit whenever they are done.  The oldest ordered transaction
 *    never aborts because of a younger one: only committed writes abort
 *    others, and commits are in order.
 *  - An inevitable transaction cannot abort: while one runs, no other
 *    transaction commits writes, so nothing can invalidate its reads.
 *  - In "direct" mode (one thread, no transactions running) barriers are
 *    plain loads and stores.
 *
 * Aborts unwind with longjmp to the jmp_buf given to stm_begin; everything
 * the transaction wrote is discarded and its undo actions (stm_on_abort)
 * run.  Python exceptions never use this path.
 *
 * Invariants: a shared word is only ever stored by a commit write-back
 * (inevitable transactions log their writes too) or by a direct-mode
 * thread in place; gseq is even outside a commit's critical section; a
 * read mark is valid only while tx->epoch is unchanged; tx->id is the id of
 * the running transaction, and while none runs it is tx->idle_id, which no
 * transaction ever gets (so nothing is private between transactions).
 */
#ifndef TXPY_STM_H
#define TXPY_STM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <setjmp.h>

#ifndef TXPY_STM
#define TXPY_STM 1
#endif

/* First member of every object the STM protects. */
typedef struct StmHdr {
    uint32_t owner;             /* id of the transaction that allocated it, 0 = none */
} StmHdr;

#define STM_UNORDERED UINT64_MAX

/* Sizes of the global commit log (powers of two).  A transaction whose
 * snapshot is STM_MAX_COMMITS_BEHIND commits old or more, or more than
 * STM_LOG_CAPACITY written addresses old, cannot be validated any more and
 * aborts with STM_ABORT_LOG_OVERFLOW. */
#define STM_MAX_COMMITS_BEHIND (1u << 16)
#define STM_LOG_CAPACITY (1u << 18)

/* Where an access happened, as the VM describes it (code object + offset). */
typedef struct StmSite {
    const void *code;
    uint32_t offset;
} StmSite;

/* Hooks the VM installs once (stm_init). */
typedef struct StmHooks {
    /* Current execution site of the thread owning tx (for conflict reports). */
    StmSite (*site)(void *thread_ctx);
    /* A conflict was found: `obj` (the object whose word was written by
     * the committed writer) was read at reader_site and written at
     * writer_site.  Called on the aborting thread before it unwinds. */
    void (*conflict)(void *thread_ctx, const StmHdr *obj, StmSite reader_site, StmSite writer_site);
    /* Called with the global commit lock held, after write-back, for each
     * committed transaction (for deferred actions: flushing buffered
     * output, queueing new transactions, waking lock waiters).  The
     * transaction is already inactive; every reader of a shared word waits
     * while this runs, so keep it short.  NULL lets transactions that wrote
     * nothing commit without the lock. */
    void (*committed)(void *thread_ctx);
} StmHooks;

typedef struct StmRedoEntry {
    uint64_t *addr;             /* NULL = empty slot */
    uint64_t value;
    const StmHdr *obj;
    StmSite site;
    bool is_value;              /* value is a VM Value (traced by the GC) */
} StmRedoEntry;

typedef struct StmReadSite {
    const uint64_t *addr;
    StmSite site;
} StmReadSite;

typedef enum StmAbortReason {
    STM_ABORT_CONFLICT = 1,     /* a read was invalidated by a commit */
    STM_ABORT_LOG_OVERFLOW,     /* fell too far behind the commit log */
    STM_ABORT_REQUESTED,        /* stm_abort called by the VM */
    STM_ABORT_GLOBAL,           /* a commit asked every transaction to restart */
    STM_ABORT_NO_MEMORY,        /* the redo log could not grow */
    STM_ABORT__COUNT            /* bound for arrays indexed by reason (0 unused) */
} StmAbortReason;

/* Statistics of one thread (tx->stats) or summed (stm_stats_get).  Times
 * are measured only outside direct mode; direct-mode transactions count in
 * `commits` only. */
typedef struct StmStats {
    uint64_t commits, aborts, inevitable;   /* inevitable: committed after stm_become_inevitable */
    uint64_t ns_committed, ns_aborted;      /* time spent in committed / aborted attempts */
    uint64_t reads_slow, writes_logged;
    uint64_t aborts_by_reason[STM_ABORT__COUNT];  /* indexed by StmAbortReason */
    uint64_t read_only;                     /* commits that wrote no shared word */
    uint64_t ns_waiting;                    /* time blocked for the commit turn or an inevitable one */
} StmStats;

/* Deferred actions (stm_on_abort / stm_on_commit). */
typedef void (*StmActionFn)(void *arg);
typedef struct StmAction {
    StmActionFn fn;
    void *arg;
    bool at_commit;             /* false: undo action, run on abort */
} StmAction;

typedef struct StmTx {
    /* --- hot fields used by the inline barriers --- */
    uint32_t id;                /* running transaction's id (owner of its private objects) */
    bool direct;                /* no concurrency: plain loads/stores */
    bool active;                /* inside stm_begin..commit */
    bool inevitable;
    uint32_t epoch;             /* read-mark epoch */
    uint32_t *marks;            /* read/write marks, indexed by (addr >> 3) & mark_mask */
    uint32_t mark_mask;
    uint64_t snap;              /* gseq value this transaction's reads are consistent with */

    /* --- redo log: open-addressed table of written words --- */
    StmRedoEntry *redo;
    uint32_t redo_mask;         /* capacity - 1 */
    uint32_t redo_count;
    uint32_t *redo_order;       /* indices into redo[], in first-write order */

    /* --- first-read sites, for conflict reports --- */
    StmReadSite *rsites;
    uint32_t rsite_count, rsite_cap;

    /* --- ordering and unwinding --- */
    uint64_t ticket;            /* commit order, or STM_UNORDERED */
    jmp_buf *jmp;               /* where an abort unwinds to */
    StmAbortReason abort_reason;  /* why the last attempt aborted; while one runs,
                                   * 0 or a failure the collector found for it */
    int64_t start_ns;           /* clock at begin (INT64_MIN: not timed) */
    void *thread_ctx;           /* the VM's per-thread state, passed to hooks */
    StmStats stats;
    uint32_t consecutive_aborts;
    bool global_abort;          /* this commit must restart every other transaction */
    bool direct_pending;        /* enter direct mode when the running transaction ends */

    /* --- ids: a private block handed out by the global counter --- */
    uint32_t idle_id;           /* tx->id between transactions; never a transaction's id */
    uint32_t id_next, id_left;

    /* --- actions registered by the running transaction --- */
    StmAction *actions;
    uint32_t action_count, action_cap;

    /* --- work done inside the commit (stm_set_commit_fn) --- */
    void (*commit_fn)(struct StmTx *tx, void *ctx);
    void *commit_ctx;
    uint64_t cw_pos;            /* next commit-log position while commit_fn runs */
} StmTx;

/* ---- work done inside the commit ----
 * A transaction may register one function that runs inside its commit's
 * critical section, right after its redo log was written back, only if it
 * commits.  No other commit runs meanwhile, so the function reads shared
 * words directly (the committed state, including this transaction's own
 * writes); it must store shared words with stm_commit_store, which records
 * them in the commit log so that every concurrent transaction that read
 * them is invalidated.  This lets an operation be decided at commit time
 * from the committed state (e.g. where a new key lands in a hash table)
 * instead of conflicting on the words the decision reads.  Registering it
 * makes the transaction a writer.  Cleared when the transaction ends. */
typedef void (*StmCommitFn)(struct StmTx *tx, void *ctx);
void stm_set_commit_fn(struct StmTx *tx, StmCommitFn fn, void *ctx);
/* Only inside the commit function.  `site` is reported for conflicts. */
void stm_commit_store(struct StmTx *tx, const StmHdr *obj, uint64_t *addr, uint64_t value, StmSite site);

/* ---- global setup ---- */
void stm_init(const StmHooks *hooks);
/* Per-thread setup/teardown of a transaction descriptor. */
bool stm_tx_init(StmTx *tx, void *thread_ctx);
void stm_tx_fini(StmTx *tx);

/* ---- transactions ---- */
/* Start a transaction.  `ticket` is its commit order (STM_UNORDERED for
 * thread slices).  Aborts longjmp to *jmp with value 1; tx->abort_reason
 * then says why.  In direct mode this only marks the transaction active. */
void stm_begin(StmTx *tx, uint64_t ticket, jmp_buf *jmp);
/* Commit; waits for the ticket's turn.  On a conflict found during the final
 * validation the transaction aborts (longjmp) instead of returning.  Order
 * of effects: write-back, the `committed` hook (under the commit lock),
 * release of the lock, the commit actions, then the next ticket's turn (so
 * ordered transactions run their commit actions in ticket order).  A
 * transaction that wrote no shared word commits without taking the commit
 * lock when no `committed` hook is installed, and never makes other
 * transactions revalidate. */
void stm_commit(StmTx *tx);
/* Abort the running transaction (longjmp).  Only for a running,
 * non-inevitable, non-direct transaction (the others cannot undo their
 * effects: calling it for them is a VM bug and stops the process). */
_Noreturn void stm_abort(StmTx *tx, StmAbortReason why);
/* Deferred actions of the running transaction.  Undo actions run, most
 * recent first, when an attempt aborts (after its writes are discarded,
 * before the longjmp); commit actions run, in registration order, after a
 * commit's writes are visible to every thread (see stm_commit).  Both run on
 * the owning thread with the transaction already finished: they must not
 * use tx's barriers or begin a transaction on tx.  An undo action is
 * dropped when the transaction cannot abort (inevitable or direct); a
 * commit action registered outside a transaction or in direct mode runs at
 * once.  `arg` is not traced by the GC.  Returns false when out of memory
 * (nothing registered). */
bool stm_on_abort(StmTx *tx, StmActionFn fn, void *arg);
bool stm_on_commit(StmTx *tx, StmActionFn fn, void *arg);
/* Short English name of an abort reason ("conflict", ...). */
const char *stm_abort_reason_name(StmAbortReason why);
/* Make the transaction irrevocable: waits until it is the oldest (ordered:
 * every earlier ticket committed; unordered: no other inevitable one and no
 * commit in progress), validates, and from then on cannot abort and no other
 * transaction commits writes until it does (read-only ones still commit).
 * May abort (longjmp) if validation fails while waiting. */
void stm_become_inevitable(StmTx *tx);
/* Check the snapshot now (cheap when nothing committed): the VM calls this
 * at safe points so that doomed transactions stop early. */
void stm_validate(StmTx *tx);
/* Ask every running transaction to abort and restart at its next check
 * (used by a commit that changed interpreter-wide structures). */
void stm_request_global_abort(StmTx *tx);

/* Direct mode on/off for this thread (no other thread may be running
 * transactions).  The caller switches when the program becomes (or stops
 * being) multi-threaded.  Switching on while a transaction runs takes effect
 * when it ends; switching off while one runs (its in-place writes cannot be
 * undone) makes it continue as an inevitable transaction, without waiting
 * for its ticket's turn: it must be the oldest. */
void stm_set_direct(StmTx *tx, bool direct);

/* Ticket dispenser for ordered transactions: next ticket to hand out, and
 * the ticket whose turn it is to commit. */
uint64_t stm_next_ticket(void);
uint64_t stm_committing_ticket(void);
/* Declare that `ticket` will never commit (its transaction was cancelled);
 * the order moves past it now if it is the current turn, else when the
 * tickets before it have committed.  Tickets already past are ignored. */
void stm_skip_ticket(uint64_t ticket);
/* Reset the ticket counters (between transaction.run() calls). */
void stm_reset_tickets(void);

/* While the calling thread blocks (locks, sleep, waiting for a ticket), the
 * GC and other threads must not wait for it: the VM brackets blocking with
 * its own safe-point protocol; the STM itself never blocks except in
 * stm_commit / stm_become_inevitable, which call these hooks around waits. */
void stm_set_wait_hooks(void (*enter)(void *thread_ctx), void (*leave)(void *thread_ctx));

/* ---- GC support ----
 * The collector runs with every thread stopped (at a safe point or parked).
 * stm_gc_clear_log validates every running transaction on its owner's
 * behalf, records a failure in tx->abort_reason (the owner must call
 * stm_abort when it resumes; stm_validate, stm_commit, the read barrier's
 * validation and stm_become_inevitable do it too), and empties the log.
 * It may run inside the `committed` hook (the committing transaction's
 * writes then count as committed).
 * stm_trace_tx reports every object a transaction's redo log writes into
 * (it must stay alive until commit) and every logged value written with
 * stm_write (not stm_write_raw), plus the code objects of recorded sites. */
void stm_trace_tx(StmTx *tx, void (*mark_obj)(void *ctx, const void *obj),
                  void (*mark_val)(void *ctx, uint64_t v), void *ctx);
void stm_gc_clear_log(void);

/* Measure transaction times (ns_committed, ns_aborted, ns_waiting): on by
 * default; costs two clock reads per transaction, which the VM can save when
 * nobody asked for statistics.  Takes effect at the next stm_begin. */
void stm_set_timing(bool on);

/* Global statistics (sums over finished transactions of all threads). */
void stm_stats_add(const StmStats *s);
void stm_stats_get(StmStats *out);
void stm_stats_reset(void);

/* ---- barriers ----
 * `obj` is the object containing the word; `addr` a 64-bit word inside it
 * (8-byte aligned).  Read: returns the word's value as this transaction
 * sees it; every value returned by one attempt belongs to one committed
 * state, so the read may abort (longjmp) when a commit invalidated an
 * earlier read.  Write: must be called instead of storing; the new value is
 * visible to this transaction at once and to others after commit; it may
 * abort with STM_ABORT_NO_MEMORY (fatal in an inevitable transaction).  Use them only inside a transaction or in
 * direct mode.  Words of objects the running transaction allocated
 * (owner == tx->id) are accessed in place without logging. */
uint64_t stm_read_slow(StmTx *tx, const uint64_t *addr);
void stm_write_slow(StmTx *tx, const StmHdr *obj, uint64_t *addr, uint64_t value, bool is_value);

#if TXPY_STM
static inline uint64_t stm_read(StmTx *tx, const void *obj, const uint64_t *addr) {
    if (tx->direct || ((const StmHdr *)obj)->owner == tx->id)
        return *addr;
    return stm_read_slow(tx, addr);
}

static inline void stm_write(StmTx *tx, const void *obj, uint64_t *addr, uint64_t value) {
    if (tx->direct || ((const StmHdr *)obj)->owner == tx->id) {
        *addr = value;
        return;
    }
    stm_write_slow(tx, (const StmHdr *)obj, addr, value, true);
}
/* For words that do not hold VM Values (raw hashes, counts): not traced. */
static inline void stm_write_raw(StmTx *tx, const void *obj, uint64_t *addr, uint64_t value) {
    if (tx->direct || ((const StmHdr *)obj)->owner == tx->id) {
        *addr = value;
        return;
    }
    stm_write_slow(tx, (const StmHdr *)obj, addr, value, false);
}
#else
static inline uint64_t stm_read(StmTx *tx, const void *obj, const uint64_t *addr) {
    (void)tx; (void)obj;
    return *addr;
}
static inline void stm_write(StmTx *tx, const void *obj, uint64_t *addr, uint64_t value) {
    (void)tx; (void)obj;
    *addr = value;
}
static inline void stm_write_raw(StmTx *tx, const void *obj, uint64_t *addr, uint64_t value) {
    (void)tx; (void)obj;
    *addr = value;
}
#endif

#endif
