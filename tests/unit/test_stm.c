/* test_stm.c - tests of the STM core (stm/): deterministic interleavings,
 * multi-thread stress, and barrier micro-benchmarks.
 *
 * Usage: test_stm            all tests plus a short benchmark
 *        test_stm nohook     the tests without a `committed` hook (read-only
 *                            commits then skip the commit lock)
 *        test_stm bench      longer benchmark, with a `committed` hook
 *        test_stm bench-nohook   the same without the hook
 * Exit status 0 when every check passed.
 *
 * Deterministic tests drive two or three transactions step by step on one
 * thread in stmgc's style: each Tx has its own StmTx and jmp_buf, and every
 * step (read, write, commit, ...) arms the jmp_buf in its own stack frame,
 * so a step returns ABORTED instead of unwinding the test.  A step that
 * must block (a younger ticket's commit) runs on a helper thread; the test
 * checks that it has not finished, lets the older one commit, then joins.
 * Stress tests check invariants that any serial order keeps (money
 * conserved, audits never see a wrong total, no lost increment, ordered
 * transactions log their tickets in order); they are sized to run in a few
 * seconds on 2 cores, also under ThreadSanitizer.
 *
 * Test objects are TObj (an StmHdr and words); `owner == 0` makes them
 * shared.  Words are only touched through the barriers while threads run.
 */
#include "stm.h"
#include "platform.h"
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_THREAD__)
#define UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define UNDER_TSAN 1
#endif
#endif
#ifndef UNDER_TSAN
#define UNDER_TSAN 0
#endif
/* Stress sizes shrink under TSan, which runs ~10x slower. */
#define SCALE(n) (UNDER_TSAN ? (n) / 8 : (n))

static int failures;
#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                               \
        }                                                                             \
    } while (0)

typedef struct TObj {
    StmHdr hdr;
    uint64_t w[8];
} TObj;

/* A big shared object: header and n words. */
typedef struct BigObj {
    StmHdr hdr;
    uint64_t w[];
} BigObj;

static BigObj *big_new(size_t n) {
    BigObj *b = calloc(1, sizeof(BigObj) + n * sizeof(uint64_t));
    if (!b) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return b;
}

/* ---- a transaction driven step by step ---- */
enum { OK = 0, ABORTED = 1 };

typedef struct Tx {
    StmTx tx;
    jmp_buf jb;
    StmSite cur;                /* what the site hook reports for this transaction */
    const char *name;
} Tx;

static void tx_new(Tx *t, const char *name) {
    memset(t, 0, sizeof *t);
    t->name = name;
    if (!stm_tx_init(&t->tx, t)) {
        fprintf(stderr, "stm_tx_init failed\n");
        exit(2);
    }
    stm_set_direct(&t->tx, false);
}

static void tx_free(Tx *t) { stm_tx_fini(&t->tx); }

static void t_begin(Tx *t, uint64_t ticket) { stm_begin(&t->tx, ticket, &t->jb); }

static int t_read(Tx *t, void *obj, uint64_t *word, uint64_t *out) {
    if (setjmp(t->jb)) return ABORTED;
    *out = stm_read(&t->tx, obj, word);
    return OK;
}

/* Read expected to succeed; returns the value (or a poison value). */
static uint64_t t_rd(Tx *t, void *obj, uint64_t *word) {
    uint64_t v = 0xdeadbeef;
    int r = t_read(t, obj, word, &v);
    CHECK(r == OK);
    if (r != OK) fprintf(stderr, "  (%s aborted: %s)\n", t->name, stm_abort_reason_name(t->tx.abort_reason));
    return v;
}

static int t_write(Tx *t, void *obj, uint64_t *word, uint64_t v) {
    if (setjmp(t->jb)) return ABORTED;
    stm_write(&t->tx, obj, word, v);
    return OK;
}

static int t_commit(Tx *t) {
    if (setjmp(t->jb)) return ABORTED;
    stm_commit(&t->tx);
    return OK;
}

static int t_validate(Tx *t) {
    if (setjmp(t->jb)) return ABORTED;
    stm_validate(&t->tx);
    return OK;
}

static int t_inevitable(Tx *t) {
    if (setjmp(t->jb)) return ABORTED;
    stm_become_inevitable(&t->tx);
    return OK;
}

static int t_abort(Tx *t, StmAbortReason why) {
    if (setjmp(t->jb)) return ABORTED;
    stm_abort(&t->tx, why);
}

/* ---- hooks ---- */
static struct {
    int count;
    const StmHdr *obj;
    StmSite reader, writer;
} conflicts;

static bool with_hook = true;                 /* a `committed` hook is installed */

static struct {
    bool on;
    int n;
    Tx *order[16];
} committed_log;

static StmSite hook_site(void *ctx) {
    if (ctx) return ((Tx *)ctx)->cur;
    StmSite none = {0, 0};
    return none;
}

static PlatMutex *conflicts_lock;              /* stress threads report too */

static void hook_conflict(void *ctx, const StmHdr *obj, StmSite rs, StmSite ws) {
    (void)ctx;
    plat_mutex_lock(conflicts_lock);
    conflicts.count++;
    conflicts.obj = obj;
    conflicts.reader = rs;
    conflicts.writer = ws;
    plat_mutex_unlock(conflicts_lock);
}

static void (*committed_extra)(void *ctx);    /* more work for the hook, per test */

static void hook_committed(void *ctx) {
    if (committed_log.on && committed_log.n < 16) committed_log.order[committed_log.n++] = ctx;
    if (committed_extra) committed_extra(ctx);
}

static _Atomic int wait_enters;
static void hook_wait_enter(void *ctx) { (void)ctx; atomic_fetch_add(&wait_enters, 1); }
static void hook_wait_leave(void *ctx) { (void)ctx; }

/* ---- helper threads ---- */
typedef struct Join {
    PlatMutex *m;
    PlatCond *c;
    int pending;
} Join;

static void join_init(Join *j, int n) {
    j->m = plat_mutex_new();
    j->c = plat_cond_new();
    j->pending = n;
}

static void join_done(Join *j) {
    plat_mutex_lock(j->m);
    j->pending--;
    plat_cond_broadcast(j->c);
    plat_mutex_unlock(j->m);
}

static void join_wait(Join *j) {
    plat_mutex_lock(j->m);
    while (j->pending > 0) plat_cond_wait(j->c, j->m);
    plat_mutex_unlock(j->m);
    plat_mutex_free(j->m);
    plat_cond_free(j->c);
}

/* A commit (or become-inevitable) that may block, run on a helper thread. */
typedef struct Async {
    Tx *t;
    bool inevitable;            /* stm_become_inevitable instead of stm_commit */
    _Atomic int state;          /* 0 running, 1 done, 2 aborted */
    Join join;
} Async;

static void async_fn(void *p) {
    Async *a = p;
    int r = a->inevitable ? t_inevitable(a->t) : t_commit(a->t);
    atomic_store(&a->state, r == OK ? 1 : 2);
    join_done(&a->join);
}

static void async_start(Async *a, Tx *t, bool inevitable) {
    a->t = t;
    a->inevitable = inevitable;
    atomic_store(&a->state, 0);
    join_init(&a->join, 1);
    if (plat_thread_start(async_fn, a, 0) != 0) {
        fprintf(stderr, "cannot start a thread\n");
        exit(2);
    }
}

static int async_finish(Async *a) {
    join_wait(&a->join);
    return atomic_load(&a->state);
}

/* True if the async step is still blocked after a while. */
static bool async_blocked(Async *a) {
    plat_sleep_ns(30 * 1000000);
    return atomic_load(&a->state) == 0;
}

/* ---- deterministic tests ---- */
static TObj X, Y, Z;

static void reset_objs(void) {
    memset(&X, 0, sizeof X);
    memset(&Y, 0, sizeof Y);
    memset(&Z, 0, sizeof Z);
}

static void test_read_write_conflict(void) {
    Tx A, B;
    tx_new(&A, "A");
    tx_new(&B, "B");
    reset_objs();

    /* B's commit of a word A read aborts A at A's next read (opacity): A
     * never sees x = 0 together with y = 1. */
    t_begin(&A, STM_UNORDERED);
    A.cur = (StmSite){&A, 11};
    CHECK(t_rd(&A, &X, &X.w[0]) == 0);
    t_begin(&B, STM_UNORDERED);
    B.cur = (StmSite){&B, 22};
    CHECK(t_write(&B, &X, &X.w[0], 1) == OK);
    CHECK(t_write(&B, &Y, &Y.w[0], 1) == OK);
    CHECK(t_rd(&B, &X, &X.w[0]) == 1);            /* own write */
    CHECK(X.w[0] == 0);                           /* not before commit */
    int before = conflicts.count;
    CHECK(t_commit(&B) == OK);
    CHECK(X.w[0] == 1 && Y.w[0] == 1);
    uint64_t v;
    CHECK(t_read(&A, &Y, &Y.w[0], &v) == ABORTED);
    CHECK(A.tx.abort_reason == STM_ABORT_CONFLICT);
    CHECK(!A.tx.active);
    CHECK(conflicts.count == before + 1);
    CHECK(conflicts.obj == &X.hdr);
    CHECK(conflicts.reader.code == &A && conflicts.reader.offset == 11);
    CHECK(conflicts.writer.code == &B && conflicts.writer.offset == 22);

    /* Reading the same word again never shows a newer value: the re-read
     * aborts. */
    t_begin(&A, STM_UNORDERED);
    CHECK(t_rd(&A, &X, &X.w[3]) == 0);
    CHECK(t_rd(&A, &X, &X.w[3]) == 0);
    t_begin(&B, STM_UNORDERED);
    CHECK(t_write(&B, &X, &X.w[3], 9) == OK);
    CHECK(t_commit(&B) == OK);
    CHECK(t_read(&A, &X, &X.w[3], &v) == ABORTED);

    /* A commit of words A did not read: A's snapshot moves forward and A
     * sees the new values. */
    t_begin(&A, STM_UNORDERED);
    CHECK(t_rd(&A, &X, &X.w[0]) == 1);
    t_begin(&B, STM_UNORDERED);
    CHECK(t_write(&B, &Y, &Y.w[1], 7) == OK);
    CHECK(t_commit(&B) == OK);
    CHECK(t_rd(&A, &Y, &Y.w[1]) == 7);
    CHECK(t_validate(&A) == OK);
    CHECK(t_commit(&A) == OK);

    /* Blind writes do not conflict: the later commit wins. */
    t_begin(&A, STM_UNORDERED);
    t_begin(&B, STM_UNORDERED);
    CHECK(t_write(&A, &Z, &Z.w[0], 100) == OK);
    CHECK(t_write(&B, &Z, &Z.w[0], 200) == OK);
    CHECK(t_commit(&B) == OK);
    CHECK(t_commit(&A) == OK);
    CHECK(Z.w[0] == 100);

    /* Read-modify-write on both sides: the second committer aborts at its
     * final validation, and its retry sees the first one's result. */
    X.w[1] = 10;
    t_begin(&A, STM_UNORDERED);
    t_begin(&B, STM_UNORDERED);
    CHECK(t_write(&A, &X, &X.w[1], t_rd(&A, &X, &X.w[1]) + 1) == OK);
    CHECK(t_write(&B, &X, &X.w[1], t_rd(&B, &X, &X.w[1]) + 1) == OK);
    CHECK(t_commit(&B) == OK);
    CHECK(t_commit(&A) == ABORTED);
    CHECK(A.tx.abort_reason == STM_ABORT_CONFLICT);
    t_begin(&A, STM_UNORDERED);
    CHECK(t_write(&A, &X, &X.w[1], t_rd(&A, &X, &X.w[1]) + 1) == OK);
    CHECK(t_commit(&A) == OK);
    CHECK(X.w[1] == 12);

    /* A write after a conflicting commit is not checked at once, but the
     * next read or the commit catches the stale read. */
    t_begin(&A, STM_UNORDERED);
    CHECK(t_rd(&A, &X, &X.w[2]) == 0);
    t_begin(&B, STM_UNORDERED);
    CHECK(t_write(&B, &X, &X.w[2], 5) == OK);
    CHECK(t_commit(&B) == OK);
    CHECK(t_write(&A, &Y, &Y.w[2], 1) == OK);
    CHECK(t_validate(&A) == ABORTED);
    CHECK(Y.w[2] == 0);

    tx_free(&A);
    tx_free(&B);
}

static void test_read_only(void) {
    Tx A, B, C;
    tx_new(&A, "A");
    tx_new(&B, "B");
    tx_new(&C, "C");
    reset_objs();
    StmStats s0 = A.tx.stats;
    /* Readers of the same words never abort each other. */
    t_begin(&A, STM_UNORDERED);
    t_begin(&B, STM_UNORDERED);
    t_begin(&C, STM_UNORDERED);
    for (int i = 0; i < 8; i++) {
        t_rd(&A, &X, &X.w[i]);
        t_rd(&B, &X, &X.w[i]);
        t_rd(&C, &X, &X.w[i]);
    }
    CHECK(t_commit(&A) == OK);
    CHECK(t_commit(&B) == OK);
    for (int i = 0; i < 8; i++) t_rd(&C, &Y, &Y.w[i]);
    CHECK(t_commit(&C) == OK);
    CHECK(A.tx.stats.read_only == s0.read_only + 1);
    CHECK(A.tx.stats.aborts == s0.aborts);
    /* A read-only transaction that read a word a writer changed is not
     * serializable any more: it aborts too. */
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &X, &X.w[0], 1);
    CHECK(t_commit(&B) == OK);
    CHECK(t_commit(&A) == ABORTED);
    tx_free(&A);
    tx_free(&B);
    tx_free(&C);
}

static void test_private(void) {
    Tx A, B;
    tx_new(&A, "A");
    tx_new(&B, "B");
    reset_objs();
    t_begin(&A, STM_UNORDERED);
    TObj *p = calloc(1, sizeof *p);
    p->hdr.owner = A.tx.id;                        /* allocated by A */
    uint64_t logged = A.tx.stats.writes_logged, slow = A.tx.stats.reads_slow;
    for (int i = 0; i < 8; i++) CHECK(t_write(&A, p, &p->w[i], (uint64_t)i + 1) == OK);
    CHECK(p->w[3] == 4);                           /* in place */
    CHECK(t_rd(&A, p, &p->w[3]) == 4);
    CHECK(A.tx.stats.writes_logged == logged);
    CHECK(A.tx.stats.reads_slow == slow);
    CHECK(A.tx.redo_count == 0);
    /* publish it through a shared word */
    CHECK(t_write(&A, &X, &X.w[0], (uint64_t)(uintptr_t)p) == OK);
    CHECK(A.tx.redo_count == 1);
    CHECK(t_commit(&A) == OK);
    CHECK(A.tx.id != p->hdr.owner);                 /* shared from now on */
    t_begin(&A, STM_UNORDERED);
    CHECK(A.tx.id != p->hdr.owner);
    CHECK(t_write(&A, p, &p->w[0], 99) == OK);
    CHECK(A.tx.redo_count == 1 && p->w[0] == 1);
    t_begin(&B, STM_UNORDERED);
    TObj *q = (TObj *)(uintptr_t)t_rd(&B, &X, &X.w[0]);
    CHECK(q == p);
    CHECK(t_rd(&B, q, &q->w[0]) == 1);
    CHECK(t_commit(&A) == OK);
    CHECK(t_read(&B, q, &q->w[1], &(uint64_t){0}) == ABORTED);
    free(p);
    tx_free(&A);
    tx_free(&B);
}

static void test_ordered(void) {
    Tx A, B;
    tx_new(&A, "A");
    tx_new(&B, "B");
    reset_objs();
    stm_reset_tickets();
    uint64_t t0 = stm_next_ticket(), t1 = stm_next_ticket();
    CHECK(t0 == 0 && t1 == 1);

    /* The younger ticket waits for the older one. */
    committed_log.on = true;
    committed_log.n = 0;
    t_begin(&B, t1);
    t_begin(&A, t0);
    CHECK(t_write(&B, &X, &X.w[0], 2) == OK);
    CHECK(t_write(&A, &X, &X.w[0], 1) == OK);
    Async as;
    async_start(&as, &B, false);
    CHECK(async_blocked(&as));
    CHECK(stm_committing_ticket() == t0);
    CHECK(X.w[0] == 0);
    CHECK(t_commit(&A) == OK);
    CHECK(async_finish(&as) == 1);
    CHECK(X.w[0] == 2);                            /* serial order: t0 then t1 */
    if (with_hook) CHECK(committed_log.n == 2 && committed_log.order[0] == &A && committed_log.order[1] == &B);
    CHECK(stm_committing_ticket() == 2);
    committed_log.on = false;

    /* The oldest never aborts because of a younger one: both read and
     * write x; the younger waits, then fails its validation. */
    uint64_t t2 = stm_next_ticket(), t3 = stm_next_ticket();
    X.w[1] = 10;
    t_begin(&A, t2);
    t_begin(&B, t3);
    CHECK(t_write(&B, &X, &X.w[1], t_rd(&B, &X, &X.w[1]) + 1) == OK);
    CHECK(t_write(&A, &X, &X.w[1], t_rd(&A, &X, &X.w[1]) * 2) == OK);
    async_start(&as, &B, false);
    CHECK(async_blocked(&as));
    CHECK(t_commit(&A) == OK);
    CHECK(async_finish(&as) == 2);
    CHECK(B.tx.abort_reason == STM_ABORT_CONFLICT);
    t_begin(&B, t3);                               /* the retry keeps its ticket */
    CHECK(t_write(&B, &X, &X.w[1], t_rd(&B, &X, &X.w[1]) + 1) == OK);
    CHECK(t_commit(&B) == OK);
    CHECK(X.w[1] == 21);                           /* 10 * 2 + 1 */

    /* A younger ordered transaction can become inevitable only at its turn. */
    uint64_t t4 = stm_next_ticket(), t5 = stm_next_ticket();
    t_begin(&A, t4);
    t_begin(&B, t5);
    async_start(&as, &B, true);
    CHECK(async_blocked(&as));
    CHECK(t_commit(&A) == OK);
    CHECK(async_finish(&as) == 1);
    CHECK(B.tx.inevitable);
    CHECK(t_commit(&B) == OK);
    CHECK(atomic_load(&wait_enters) > 0);           /* the waits parked */
    tx_free(&A);
    tx_free(&B);
}

static void test_skip_ticket(void) {
    Tx A;
    tx_new(&A, "A");
    stm_reset_tickets();
    uint64_t t[5];
    for (int i = 0; i < 5; i++) t[i] = stm_next_ticket();
    stm_skip_ticket(t[1]);                         /* not its turn yet: remembered */
    CHECK(stm_committing_ticket() == t[0]);
    t_begin(&A, t[0]);
    CHECK(t_commit(&A) == OK);
    CHECK(stm_committing_ticket() == t[2]);
    stm_skip_ticket(t[2]);                         /* its turn: moves at once */
    CHECK(stm_committing_ticket() == t[3]);
    stm_skip_ticket(t[0]);                         /* already past: ignored */
    stm_skip_ticket(STM_UNORDERED);
    CHECK(stm_committing_ticket() == t[3]);
    stm_skip_ticket(t[4]);
    stm_skip_ticket(t[4]);                         /* twice is once */
    t_begin(&A, t[3]);
    CHECK(t_commit(&A) == OK);
    CHECK(stm_committing_ticket() == 5);
    /* direct mode moves the turn too */
    stm_reset_tickets();
    stm_skip_ticket(1);
    stm_set_direct(&A.tx, true);
    t_begin(&A, stm_next_ticket());
    CHECK(t_commit(&A) == OK);
    CHECK(stm_committing_ticket() == 2);
    stm_reset_tickets();
    CHECK(stm_committing_ticket() == 0 && stm_next_ticket() == 0);
    stm_reset_tickets();
    tx_free(&A);
}

static void test_inevitable(void) {
    Tx A, B, C;
    tx_new(&A, "A");
    tx_new(&B, "B");
    tx_new(&C, "C");
    reset_objs();
    /* An inevitable transaction blocks the commit of writers... */
    t_begin(&A, STM_UNORDERED);
    CHECK(t_inevitable(&A) == OK);
    CHECK(A.tx.inevitable);
    t_begin(&B, STM_UNORDERED);
    CHECK(t_rd(&B, &X, &X.w[0]) == 0);
    CHECK(t_write(&B, &Y, &Y.w[0], 1) == OK);
    Async as;
    async_start(&as, &B, false);
    CHECK(async_blocked(&as));
    /* ...but not of read-only ones */
    t_begin(&C, STM_UNORDERED);
    t_rd(&C, &X, &X.w[1]);
    CHECK(t_commit(&C) == OK);
    /* it reads what it likes and commits; B then fails validation */
    CHECK(t_rd(&A, &Y, &Y.w[0]) == 0);
    CHECK(t_write(&A, &X, &X.w[0], 5) == OK);
    CHECK(t_rd(&A, &X, &X.w[0]) == 5);
    CHECK(t_commit(&A) == OK);
    CHECK(async_finish(&as) == 2);
    CHECK(X.w[0] == 5 && Y.w[0] == 0);
    CHECK(A.tx.stats.inevitable == 1);

    /* Becoming inevitable validates first: a stale read aborts it. */
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &X, &X.w[0], 6);
    CHECK(t_commit(&B) == OK);
    CHECK(t_inevitable(&A) == ABORTED);
    /* ...and leaves the slot free. */
    t_begin(&B, STM_UNORDERED);
    CHECK(t_inevitable(&B) == OK);
    /* A second would-be inevitable waits for the first. */
    t_begin(&A, STM_UNORDERED);
    async_start(&as, &A, true);
    CHECK(async_blocked(&as));
    CHECK(t_commit(&B) == OK);
    CHECK(async_finish(&as) == 1);
    CHECK(t_commit(&A) == OK);
    /* Undo actions are dropped when the transaction cannot abort. */
    t_begin(&A, STM_UNORDERED);
    CHECK(t_inevitable(&A) == OK);
    CHECK(stm_on_abort(&A.tx, NULL, NULL));
    CHECK(A.tx.action_count == 0);
    CHECK(t_commit(&A) == OK);
    tx_free(&A);
    tx_free(&B);
    tx_free(&C);
}

static void test_global_abort(void) {
    Tx A, B, C;
    tx_new(&A, "A");
    tx_new(&B, "B");
    tx_new(&C, "C");
    reset_objs();
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    t_begin(&C, STM_UNORDERED);
    t_begin(&B, STM_UNORDERED);
    stm_request_global_abort(&B.tx);               /* even without writes */
    CHECK(t_commit(&B) == OK);
    CHECK(B.tx.stats.read_only == 0);
    uint64_t v;
    CHECK(t_read(&A, &Y, &Y.w[0], &v) == ABORTED);
    CHECK(A.tx.abort_reason == STM_ABORT_GLOBAL);
    CHECK(t_validate(&C) == ABORTED);               /* C read nothing */
    CHECK(C.tx.abort_reason == STM_ABORT_GLOBAL);
    t_begin(&A, STM_UNORDERED);                    /* after it: unaffected */
    t_rd(&A, &X, &X.w[0]);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &Z, &Z.w[0], 1);
    CHECK(t_commit(&B) == OK);
    CHECK(t_validate(&A) == OK);
    CHECK(t_commit(&A) == OK);
    tx_free(&A);
    tx_free(&B);
    tx_free(&C);
}

static void test_log_overflow(void) {
    Tx A, B;
    tx_new(&A, "A");
    tx_new(&B, "B");
    reset_objs();
    enum { COMMITS = STM_MAX_COMMITS_BEHIND };
    uint64_t v;

    /* A's snapshot ends up one commit beyond the commit ring, C's one
     * inside it: C catches up and commits, A cannot know what happened. */
    Tx C;
    tx_new(&C, "C");
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    for (int i = 0; i < 2; i++) {
        t_begin(&B, STM_UNORDERED);
        t_write(&B, &Z, &Z.w[i & 7], (uint64_t)i);
        CHECK(t_commit(&B) == OK);
    }
    t_begin(&C, STM_UNORDERED);
    t_rd(&C, &X, &X.w[0]);
    for (int i = 0; i < COMMITS - 1; i++) {
        t_begin(&B, STM_UNORDERED);
        t_write(&B, &Z, &Z.w[i & 7], (uint64_t)i);
        CHECK(t_commit(&B) == OK);
    }
    CHECK(t_rd(&C, &Y, &Y.w[0]) == 0);
    CHECK(t_commit(&C) == OK);
    tx_free(&C);
    CHECK(t_read(&A, &Y, &Y.w[0], &v) == ABORTED);
    CHECK(A.tx.abort_reason == STM_ABORT_LOG_OVERFLOW);

    /* Exactly as many written addresses as the log holds: A can still
     * validate; one more and C (same snapshot) cannot.  A reads words just
     * past the written ones (the direct-mapped marks of other words could
     * alias written ones: a false conflict). */
    enum { HALF = STM_LOG_CAPACITY / 2 };
    BigObj *big = big_new(HALF + 2);
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, big, &big->w[HALF]);
    tx_new(&C, "C");
    t_begin(&C, STM_UNORDERED);
    t_rd(&C, &X, &X.w[0]);
    for (int k = 0; k < 2; k++) {
        t_begin(&B, STM_UNORDERED);
        for (int i = 0; i < HALF; i++) t_write(&B, big, &big->w[i], (uint64_t)k);
        CHECK(t_commit(&B) == OK);
    }
    CHECK(t_rd(&A, big, &big->w[HALF + 1]) == 0);
    CHECK(t_commit(&A) == OK);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &Z, &Z.w[0], 1);
    CHECK(t_commit(&B) == OK);
    CHECK(t_read(&C, &Y, &Y.w[0], &v) == ABORTED);
    CHECK(C.tx.abort_reason == STM_ABORT_LOG_OVERFLOW);
    tx_free(&C);

    /* One commit bigger than the ring. */
    enum { HUGE = STM_LOG_CAPACITY + 40000 };
    BigObj *huge = big_new(HUGE);
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    t_begin(&B, STM_UNORDERED);
    for (int i = 0; i < HUGE; i++) t_write(&B, huge, &huge->w[i], (uint64_t)i + 1);
    CHECK(t_commit(&B) == OK);
    CHECK(huge->w[0] == 1 && huge->w[HUGE - 1] == HUGE);
    CHECK(t_read(&A, &Y, &Y.w[0], &v) == ABORTED);
    CHECK(A.tx.abort_reason == STM_ABORT_LOG_OVERFLOW);

    /* After the wrap, conflicts are still found exactly. */
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[3]);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &Y, &Y.w[3], 1);
    CHECK(t_commit(&B) == OK);
    CHECK(t_rd(&A, &Y, &Y.w[3]) == 1);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &X, &X.w[3], 1);
    CHECK(t_commit(&B) == OK);
    CHECK(t_read(&A, &Y, &Y.w[4], &v) == ABORTED);
    CHECK(A.tx.abort_reason == STM_ABORT_CONFLICT);
    free(big);
    free(huge);
    tx_free(&A);
    tx_free(&B);
}

static void test_redo_growth(void) {
    Tx A;
    tx_new(&A, "A");
    enum { WORDS = 150000 };
    BigObj *big = big_new(WORDS);
    uint64_t logged = A.tx.stats.writes_logged;
    t_begin(&A, STM_UNORDERED);
    for (int i = 0; i < WORDS; i++) t_write(&A, big, &big->w[i], (uint64_t)i * 3);
    for (int i = 0; i < WORDS; i += 2) t_write(&A, big, &big->w[i], (uint64_t)i * 5);
    CHECK(A.tx.redo_count == WORDS);
    CHECK(A.tx.stats.writes_logged - logged == WORDS);
    bool ok = true;
    for (int i = 0; i < WORDS; i++) {
        uint64_t v = t_rd(&A, big, &big->w[i]);
        ok &= v == (uint64_t)i * (i % 2 ? 3 : 5);
    }
    CHECK(ok);
    CHECK(big->w[WORDS - 1] == 0);
    CHECK(t_commit(&A) == OK);
    ok = true;
    for (int i = 0; i < WORDS; i++) ok &= big->w[i] == (uint64_t)i * (i % 2 ? 3 : 5);
    CHECK(ok);
    CHECK(A.tx.redo_count == 0);
    free(big);
    tx_free(&A);
}

/* Deferred actions record their order here. */
static char action_trace[64];
static void act(void *arg) {
    size_t n = strlen(action_trace);
    if (n + 1 < sizeof action_trace) {
        action_trace[n] = *(const char *)arg;
        action_trace[n + 1] = 0;
    }
}

static void test_actions(void) {
    Tx A;
    tx_new(&A, "A");
    reset_objs();
    static const char a = 'a', b = 'b', c = 'c', d = 'd';
    action_trace[0] = 0;
    t_begin(&A, STM_UNORDERED);
    CHECK(stm_on_abort(&A.tx, act, (void *)&a));
    CHECK(stm_on_commit(&A.tx, act, (void *)&c));
    CHECK(stm_on_abort(&A.tx, act, (void *)&b));
    CHECK(stm_on_commit(&A.tx, act, (void *)&d));
    CHECK(action_trace[0] == 0);
    CHECK(t_abort(&A, STM_ABORT_REQUESTED) == ABORTED);
    CHECK(strcmp(action_trace, "ba") == 0);         /* undo, most recent first */
    action_trace[0] = 0;
    t_begin(&A, STM_UNORDERED);                    /* the retry starts clean */
    CHECK(stm_on_commit(&A.tx, act, (void *)&c));
    CHECK(stm_on_abort(&A.tx, act, (void *)&a));
    CHECK(stm_on_commit(&A.tx, act, (void *)&d));
    t_write(&A, &X, &X.w[0], 1);
    CHECK(t_commit(&A) == OK);
    CHECK(strcmp(action_trace, "cd") == 0);         /* commit, in order */
    action_trace[0] = 0;
    /* Outside a transaction or in direct mode a commit action runs at once. */
    CHECK(stm_on_commit(&A.tx, act, (void *)&a));
    stm_set_direct(&A.tx, true);
    t_begin(&A, STM_UNORDERED);
    CHECK(stm_on_abort(&A.tx, act, (void *)&b));
    CHECK(stm_on_commit(&A.tx, act, (void *)&c));
    CHECK(t_commit(&A) == OK);
    CHECK(strcmp(action_trace, "ac") == 0);
    /* Many actions: the list grows. */
    stm_set_direct(&A.tx, false);
    action_trace[0] = 0;
    t_begin(&A, STM_UNORDERED);
    for (int i = 0; i < 40; i++) CHECK(stm_on_commit(&A.tx, act, (void *)&d));
    CHECK(t_commit(&A) == OK);
    CHECK(strlen(action_trace) == 40);
    tx_free(&A);
}

static void test_stats(void) {
    Tx A, B;
    tx_new(&A, "A");
    tx_new(&B, "B");
    reset_objs();
    stm_stats_reset();
    for (int i = 0; i < 3; i++) {
        t_begin(&A, STM_UNORDERED);
        t_rd(&A, &X, &X.w[0]);
        t_begin(&B, STM_UNORDERED);
        t_write(&B, &X, &X.w[0], (uint64_t)i);
        CHECK(t_commit(&B) == OK);
        CHECK(t_commit(&A) == ABORTED);
    }
    t_begin(&A, STM_UNORDERED);
    CHECK(t_abort(&A, STM_ABORT_REQUESTED) == ABORTED);
    t_begin(&A, STM_UNORDERED);
    t_inevitable(&A);
    CHECK(t_commit(&A) == OK);
    const StmStats *s = &A.tx.stats;
    CHECK(s->aborts == 4 && s->commits == 1 && s->inevitable == 1 && s->read_only == 1);
    CHECK(s->aborts_by_reason[STM_ABORT_CONFLICT] == 3);
    CHECK(s->aborts_by_reason[STM_ABORT_REQUESTED] == 1);
    CHECK(s->reads_slow == 3);
    CHECK(B.tx.stats.writes_logged == 3 && B.tx.stats.commits == 3);
    stm_stats_add(&A.tx.stats);
    stm_stats_add(&B.tx.stats);
    StmStats tot;
    stm_stats_get(&tot);
    CHECK(tot.commits == 4 && tot.aborts == 4 && tot.aborts_by_reason[STM_ABORT_CONFLICT] == 3);
    CHECK(tot.ns_aborted == A.tx.stats.ns_aborted);
    stm_stats_reset();
    stm_stats_get(&tot);
    CHECK(tot.commits == 0);
    CHECK(strcmp(stm_abort_reason_name(STM_ABORT_CONFLICT), "conflict") == 0);
    CHECK(strcmp(stm_abort_reason_name((StmAbortReason)0), "?") == 0);
    tx_free(&A);
    tx_free(&B);
}

static void test_gc_clear_log(void) {
    Tx A, B, C;
    tx_new(&A, "A");
    tx_new(&B, "B");
    tx_new(&C, "C");
    reset_objs();
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    t_begin(&C, STM_UNORDERED);
    t_rd(&C, &Y, &Y.w[0]);
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &X, &X.w[0], 1);
    CHECK(t_commit(&B) == OK);
    stm_gc_clear_log();                            /* "the world is stopped" */
    CHECK(A.tx.abort_reason == STM_ABORT_CONFLICT);
    CHECK(C.tx.abort_reason == 0);
    CHECK(t_commit(&A) == ABORTED);                 /* its snapshot moved, but it is doomed */
    /* C keeps going: commits after the reset are still checked. */
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &Y, &Y.w[0], 1);
    CHECK(t_commit(&B) == OK);
    uint64_t v;
    CHECK(t_read(&C, &Z, &Z.w[0], &v) == ABORTED);
    CHECK(C.tx.abort_reason == STM_ABORT_CONFLICT);
    tx_free(&A);
    tx_free(&B);
    tx_free(&C);
}

/* The collector running inside the `committed` hook: the committing
 * transaction is skipped and its writes count as committed. */
static void gc_in_hook(void *ctx) {
    (void)ctx;
    stm_gc_clear_log();
}

static void test_gc_in_commit_hook(void) {
    Tx A, B, C;
    tx_new(&A, "A");
    tx_new(&B, "B");
    tx_new(&C, "C");
    reset_objs();
    t_begin(&A, STM_UNORDERED);
    t_rd(&A, &X, &X.w[0]);
    t_begin(&C, STM_UNORDERED);
    t_rd(&C, &Y, &Y.w[0]);
    t_begin(&B, STM_UNORDERED);
    t_rd(&B, &X, &X.w[0]);
    t_write(&B, &X, &X.w[0], 3);
    committed_extra = gc_in_hook;
    CHECK(t_commit(&B) == OK);
    CHECK(B.tx.abort_reason == 0);
    CHECK(A.tx.abort_reason == STM_ABORT_CONFLICT);
    CHECK(C.tx.abort_reason == 0);
    /* a read-only commit inside which the collector runs */
    t_begin(&B, STM_UNORDERED);
    t_rd(&B, &Z, &Z.w[0]);
    CHECK(t_commit(&B) == OK);
    committed_extra = NULL;
    CHECK(t_commit(&A) == ABORTED);
    CHECK(t_rd(&C, &X, &X.w[0]) == 3);            /* C's snapshot includes B */
    t_begin(&B, STM_UNORDERED);
    t_write(&B, &Y, &Y.w[0], 1);
    CHECK(t_commit(&B) == OK);
    CHECK(t_validate(&C) == ABORTED);
    CHECK(C.tx.abort_reason == STM_ABORT_CONFLICT);
    tx_free(&A);
    tx_free(&B);
    tx_free(&C);
}

static void test_direct(void) {
    Tx A, B;
    tx_new(&A, "A");
    tx_new(&B, "B");
    reset_objs();
    stm_set_direct(&A.tx, true);
    t_begin(&A, STM_UNORDERED);
    CHECK(A.tx.active);
    t_write(&A, &X, &X.w[0], 1);
    CHECK(X.w[0] == 1 && A.tx.redo_count == 0);
    CHECK(t_commit(&A) == OK);
    CHECK(!A.tx.active);
    /* Leaving direct mode inside a transaction: it goes on inevitably. */
    t_begin(&A, STM_UNORDERED);
    t_write(&A, &X, &X.w[0], 2);
    stm_set_direct(&A.tx, false);
    CHECK(A.tx.inevitable && !A.tx.direct);
    t_write(&A, &X, &X.w[1], 3);
    CHECK(X.w[1] == 0);                            /* logged now */
    t_begin(&B, STM_UNORDERED);
    CHECK(t_rd(&B, &X, &X.w[0]) == 2);
    t_write(&B, &Y, &Y.w[0], 1);
    Async as;
    async_start(&as, &B, false);
    CHECK(async_blocked(&as));
    CHECK(t_commit(&A) == OK);
    CHECK(async_finish(&as) == 1);
    CHECK(X.w[1] == 3 && Y.w[0] == 1);
    /* Entering direct mode inside a transaction waits for its end. */
    t_begin(&A, STM_UNORDERED);
    stm_set_direct(&A.tx, true);
    CHECK(!A.tx.direct);
    t_write(&A, &X, &X.w[2], 4);
    CHECK(X.w[2] == 0);
    CHECK(t_commit(&A) == OK);
    CHECK(A.tx.direct && X.w[2] == 4);
    stm_set_direct(&A.tx, false);
    tx_free(&A);
    tx_free(&B);
}

/* ---- stress ---- */
typedef struct Rng { uint64_t s; } Rng;
static uint64_t rng_next(Rng *r) {
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

/* Threads started by a stress test wait here until all exist, so that
 * they really overlap. */
static _Atomic int gate_closed;
static void gate_wait(void) {
    while (atomic_load(&gate_closed)) plat_thread_yield();
}

/* Some private work inside a transaction, so that transactions overlap. */
static uint64_t busy(uint64_t x, int n) {
    for (int i = 0; i < n; i++) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return x;
}

/* Run body(ctx, tx) as one transaction until it commits; returns aborts. */
typedef void (*TxBody)(StmTx *tx, void *ctx);
static uint64_t run_tx(StmTx *tx, uint64_t ticket, TxBody body, void *ctx) {
    jmp_buf jb;
    volatile uint64_t aborts = 0;
    if (setjmp(jb)) aborts++;
    stm_begin(tx, ticket, &jb);
    body(tx, ctx);
    stm_commit(tx);
    return aborts;
}

enum { NACC = 64, INITIAL = 1000 };
static BigObj *bank;
static _Atomic int workers_left;
static _Atomic uint64_t bad_audits, audits_done;

typedef struct Transfer {
    unsigned a, b;
    uint64_t amount;
    bool inevitable;
} Transfer;

static void transfer_body(StmTx *tx, void *p) {
    Transfer *t = p;
    if (t->inevitable) stm_become_inevitable(tx);
    uint64_t ba = stm_read(tx, bank, &bank->w[t->a]);
    t->amount += busy(ba, 100) & 1;
    uint64_t bb = stm_read(tx, bank, &bank->w[t->b]);
    if (ba < t->amount) return;
    stm_write(tx, bank, &bank->w[t->a], ba - t->amount);
    stm_write(tx, bank, &bank->w[t->b], bb + t->amount);
}

/* Sums the accounts twice (the second pass re-reads marked words): both
 * sums must be the total. */
static void audit_body(StmTx *tx, void *p) {
    uint64_t *sum = p;
    sum[0] = sum[1] = 0;
    for (int i = 0; i < NACC; i++) sum[0] += stm_read(tx, bank, &bank->w[i]);
    for (int i = NACC; i-- > 0;) sum[1] += stm_read(tx, bank, &bank->w[i]);
}

typedef struct Worker {
    int id, iters;
    Join *join;
    uint64_t aborts;
} Worker;

static void bank_worker(void *p) {
    Worker *w = p;
    StmTx tx;
    if (!stm_tx_init(&tx, NULL)) abort();
    stm_set_direct(&tx, false);
    Rng r = {(uint64_t)w->id * 0x9E3779B97F4A7C15ULL + 1};
    gate_wait();
    for (int i = 0; i < w->iters; i++) {
        Transfer t;
        t.a = (unsigned)(rng_next(&r) % NACC);
        t.b = (unsigned)(rng_next(&r) % (NACC - 1));
        if (t.b >= t.a) t.b++;
        t.amount = rng_next(&r) % 200;
        t.inevitable = i % 97 == 0;
        w->aborts += run_tx(&tx, STM_UNORDERED, transfer_body, &t);
    }
    stm_stats_add(&tx.stats);
    stm_tx_fini(&tx);
    atomic_fetch_sub(&workers_left, 1);
    join_done(w->join);
}

static void bank_auditor(void *p) {
    Worker *w = p;
    StmTx tx;
    if (!stm_tx_init(&tx, NULL)) abort();
    stm_set_direct(&tx, false);
    gate_wait();
    while (atomic_load(&workers_left) > 0) {
        uint64_t sum[2];
        w->aborts += run_tx(&tx, STM_UNORDERED, audit_body, sum);
        if (sum[0] != (uint64_t)NACC * INITIAL || sum[1] != sum[0]) atomic_fetch_add(&bad_audits, 1);
        atomic_fetch_add(&audits_done, 1);
    }
    stm_stats_add(&tx.stats);
    stm_tx_fini(&tx);
    join_done(w->join);
}

/* Start n threads running fn(&ws[i]); they wait at the gate. */
static void run_threads(int n, void (*fn)(void *), Worker *ws) {
    for (int i = 0; i < n; i++)
        if (plat_thread_start(fn, &ws[i], 0) != 0) {
            fprintf(stderr, "cannot start a thread\n");
            exit(2);
        }
}

static void test_stress_bank(int nworkers, int nauditors) {
    bank = big_new(NACC);
    for (int i = 0; i < NACC; i++) bank->w[i] = INITIAL;
    atomic_store(&bad_audits, 0);
    atomic_store(&audits_done, 0);
    atomic_store(&workers_left, nworkers);
    stm_stats_reset();
    Join j;
    join_init(&j, nworkers + nauditors);
    Worker ws[32];
    for (int i = 0; i < nworkers + nauditors; i++) {
        ws[i] = (Worker){i + 1, SCALE(40000) / nworkers * 4, &j, 0};
    }
    int64_t t0 = plat_monotonic_ns();
    atomic_store(&gate_closed, 1);
    run_threads(nworkers, bank_worker, ws);
    run_threads(nauditors, bank_auditor, ws + nworkers);
    atomic_store(&gate_closed, 0);
    join_wait(&j);
    double secs = (double)(plat_monotonic_ns() - t0) / 1e9;
    uint64_t sum = 0;
    for (int i = 0; i < NACC; i++) sum += bank->w[i];
    CHECK(sum == (uint64_t)NACC * INITIAL);
    CHECK(atomic_load(&bad_audits) == 0);
    CHECK(atomic_load(&audits_done) > 0);
    StmStats st;
    stm_stats_get(&st);
    printf("  bank: %d workers x %d transfers, %d auditors: %llu audits, %llu commits, %llu aborts "
           "(%llu conflict, %llu overflow), %llu inevitable, %.2f s\n",
           nworkers, ws[0].iters, nauditors, (unsigned long long)atomic_load(&audits_done),
           (unsigned long long)st.commits, (unsigned long long)st.aborts,
           (unsigned long long)st.aborts_by_reason[STM_ABORT_CONFLICT],
           (unsigned long long)st.aborts_by_reason[STM_ABORT_LOG_OVERFLOW], (unsigned long long)st.inevitable, secs);
    CHECK(st.inevitable > 0);
    free(bank);
}

/* Counters: one shared by everybody, one per thread. */
static BigObj *counters;

typedef struct CountArg {
    int slot;
    bool inevitable;
    uint64_t scratch;
} CountArg;

static void count_body(StmTx *tx, void *p) {
    CountArg *c = p;
    if (c->inevitable) stm_become_inevitable(tx);
    uint64_t v = stm_read(tx, counters, &counters->w[0]);
    c->scratch ^= busy(v, 1000);
    stm_write(tx, counters, &counters->w[0], v + 1);
    stm_write(tx, counters, &counters->w[c->slot], stm_read(tx, counters, &counters->w[c->slot]) + 1);
}

static void count_worker(void *p) {
    Worker *w = p;
    StmTx tx;
    if (!stm_tx_init(&tx, NULL)) abort();
    stm_set_direct(&tx, false);
    gate_wait();
    for (int i = 0; i < w->iters; i++) {
        CountArg c = {w->id * 8, i % 50 == 0, 0};  /* per-thread slot on its own cache line */
        w->aborts += run_tx(&tx, STM_UNORDERED, count_body, &c);
    }
    stm_tx_fini(&tx);
    join_done(w->join);
}

static void test_stress_counters(int n) {
    counters = big_new((size_t)(n + 1) * 8);
    Join j;
    join_init(&j, n);
    Worker ws[32];
    int iters = SCALE(80000) / n;
    for (int i = 0; i < n; i++) ws[i] = (Worker){i + 1, iters, &j, 0};
    int64_t t0 = plat_monotonic_ns();
    atomic_store(&gate_closed, 1);
    run_threads(n, count_worker, ws);
    atomic_store(&gate_closed, 0);
    join_wait(&j);
    uint64_t aborts = 0;
    bool ok = true;
    for (int i = 0; i < n; i++) {
        aborts += ws[i].aborts;
        ok &= counters->w[(i + 1) * 8] == (uint64_t)iters;
    }
    CHECK(counters->w[0] == (uint64_t)n * (uint64_t)iters);
    CHECK(ok);
    printf("  counters: %d threads x %d increments, %llu aborts, %.2f s\n", n, iters, (unsigned long long)aborts,
           (double)(plat_monotonic_ns() - t0) / 1e9);
    free(counters);
}

/* Ordered: each thread takes tickets and appends its ticket to a shared log;
 * some tickets are cancelled, some transactions become inevitable. */
static BigObj *olog;
static int ototal;

typedef struct AppendArg {
    uint64_t ticket, scratch;
} AppendArg;

static void append_body(StmTx *tx, void *p) {
    AppendArg *a = p;
    uint64_t t = a->ticket;
    if (t % 11 == 3) stm_become_inevitable(tx);
    uint64_t n = stm_read(tx, olog, &olog->w[0]);
    a->scratch ^= busy(n, 200);
    stm_write(tx, olog, &olog->w[1 + n], t);
    stm_write(tx, olog, &olog->w[0], n + 1);
}

static bool cancelled(uint64_t t) { return t % 13 == 7; }

/* Thread i owns tickets i, i + n, i + 2n...: every commit waits for the
 * other threads' turns. */
static void ordered_worker(void *p) {
    Worker *w = p;
    StmTx tx;
    if (!stm_tx_init(&tx, NULL)) abort();
    stm_set_direct(&tx, false);
    gate_wait();
    for (uint64_t t = (uint64_t)w->id - 1; t < (uint64_t)ototal; t += (uint64_t)w->iters) {
        if (cancelled(t)) {
            stm_skip_ticket(t);
            continue;
        }
        AppendArg a = {t, 0};
        w->aborts += run_tx(&tx, t, append_body, &a);
    }
    stm_stats_add(&tx.stats);
    stm_tx_fini(&tx);
    join_done(w->join);
}

static void test_stress_ordered(int n) {
    ototal = SCALE(4000);
    olog = big_new((size_t)ototal + 1);
    stm_reset_tickets();
    stm_stats_reset();
    Join j;
    join_init(&j, n);
    Worker ws[32];
    for (int i = 0; i < n; i++) ws[i] = (Worker){i + 1, n, &j, 0};
    int64_t t0 = plat_monotonic_ns();
    atomic_store(&gate_closed, 1);
    run_threads(n, ordered_worker, ws);
    atomic_store(&gate_closed, 0);
    join_wait(&j);
    uint64_t k = 0, aborts = 0;
    bool sorted = true;
    for (uint64_t t = 0; t < (uint64_t)ototal; t++) {
        if (cancelled(t)) continue;
        sorted &= k < olog->w[0] && olog->w[1 + k] == t;
        k++;
    }
    for (int i = 0; i < n; i++) aborts += ws[i].aborts;
    CHECK(olog->w[0] == k);
    CHECK(sorted);
    StmStats st;
    stm_stats_get(&st);
    CHECK(st.inevitable > 0);
    printf("  ordered: %d threads, %d tickets (%llu committed in order), %llu aborts, %.2f s waiting, %.2f s\n", n,
           ototal, (unsigned long long)k, (unsigned long long)aborts, (double)st.ns_waiting / 1e9,
           (double)(plat_monotonic_ns() - t0) / 1e9);
    stm_reset_tickets();
    free(olog);
}

/* ---- micro-benchmarks ----
 * Thread CPU time per operation (the machine may be shared); each thread
 * works on its own object, so 2 threads measure the cost of sharing the
 * STM's global state, not of conflicts.  BW words per round. */
enum { BW = 1024 };
typedef struct BenchRes {
    double read_first, read_again, read_private, write_first, write_again;
    double commit_empty, commit_empty_untimed, commit_one;
    uint64_t sink;
    Join *join;
    BigObj *obj;
    int rounds;
} BenchRes;

static void empty_body(StmTx *tx, void *p) { (void)tx; (void)p; }

static void write_one_body(StmTx *tx, void *p) {
    BigObj *o = p;
    stm_write(tx, o, &o->w[2 * BW], stm_read(tx, o, &o->w[2 * BW]) + 1);
}

/* One timed round; a body of run_tx, so that no setjmp shares its frame
 * (Emscripten routes every call made from such a frame through JS). */
typedef struct BenchRound {
    BigObj *obj, *priv;
    int64_t t[5];
    uint64_t sink;
} BenchRound;

static void bench_round_body(StmTx *tx, void *p) {
    BenchRound *b = p;
    BigObj *o = b->obj, *priv = b->priv;
    priv->hdr.owner = tx->id;                   /* allocated by this transaction */
    uint64_t s = 0;
    int64_t c0 = plat_thread_time_ns();
    for (int i = 0; i < BW; i++) s += stm_read(tx, o, &o->w[i]);
    int64_t c1 = plat_thread_time_ns();
    for (int i = 0; i < BW; i++) s += stm_read(tx, o, &o->w[i]);
    int64_t c2 = plat_thread_time_ns();
    for (int i = 0; i < BW; i++) s += stm_read(tx, priv, &priv->w[i]);
    int64_t c3 = plat_thread_time_ns();
    for (int i = 0; i < BW; i++) stm_write(tx, o, &o->w[BW + i], s + (uint64_t)i);
    int64_t c4 = plat_thread_time_ns();
    for (int i = 0; i < BW; i++) stm_write(tx, o, &o->w[BW + i], s);
    int64_t c5 = plat_thread_time_ns();
    b->t[0] += c1 - c0;
    b->t[1] += c2 - c1;
    b->t[2] += c3 - c2;
    b->t[3] += c4 - c3;
    b->t[4] += c5 - c4;
    b->sink += s;                               /* keep the reads */
}

static void bench_thread(void *p) {
    BenchRes *r = p;
    StmTx tx;
    if (!stm_tx_init(&tx, NULL)) abort();
    stm_set_direct(&tx, false);
    BenchRound b = {r->obj, big_new(BW), {0}, 0};
    uint64_t aborts = 0;
    for (int k = 0; k < r->rounds; k++) aborts += run_tx(&tx, STM_UNORDERED, bench_round_body, &b);
    /* an aborted attempt (an overflow while descheduled) counts in the
     * times: it is rare, and the numbers are per operation anyway */
    double n = (double)(r->rounds + (int)aborts) * BW;
    int commits = r->rounds * 50;
    int64_t c0 = plat_thread_time_ns();
    for (int k = 0; k < commits; k++) run_tx(&tx, STM_UNORDERED, empty_body, NULL);
    int64_t c1 = plat_thread_time_ns();
    stm_set_timing(false);
    for (int k = 0; k < commits; k++) run_tx(&tx, STM_UNORDERED, empty_body, NULL);
    stm_set_timing(true);
    int64_t c2 = plat_thread_time_ns();
    for (int k = 0; k < commits; k++) run_tx(&tx, STM_UNORDERED, write_one_body, r->obj);
    int64_t c3 = plat_thread_time_ns();
    r->read_first = (double)b.t[0] / n;
    r->read_again = (double)b.t[1] / n;
    r->read_private = (double)b.t[2] / n;
    r->write_first = (double)b.t[3] / n;
    r->write_again = (double)b.t[4] / n;
    r->commit_empty = (double)(c1 - c0) / commits;
    r->commit_empty_untimed = (double)(c2 - c1) / commits;
    r->commit_one = (double)(c3 - c2) / commits;
    r->sink = b.sink;
    free(b.priv);
    stm_tx_fini(&tx);
    join_done(r->join);
}

static void bench(int rounds) {
    for (int nt = 1; nt <= 2; nt++) {
        BenchRes r[2];
        Join j;
        join_init(&j, nt);
        for (int i = 0; i < nt; i++) {
            r[i] = (BenchRes){0};
            r[i].join = &j;
            r[i].rounds = rounds;
            r[i].obj = big_new(2 * BW + 8);
        }
        for (int i = 0; i < nt; i++)
            if (plat_thread_start(bench_thread, &r[i], 0) != 0) exit(2);
        join_wait(&j);
        for (int i = 0; i < nt; i++) {
            printf("  %d thread%s [%d]: read %.1f first, %.1f again, %.1f private; write %.1f first, %.1f again; "
                   "commit: empty %.0f (untimed %.0f), 1 word %.0f\n",
                   nt, nt > 1 ? "s" : "", i, r[i].read_first, r[i].read_again, r[i].read_private, r[i].write_first,
                   r[i].write_again, r[i].commit_empty, r[i].commit_empty_untimed, r[i].commit_one);
            free(r[i].obj);
        }
    }
}

/* Reads while another thread commits 1-word transactions non-stop: every
 * read finds gseq moved and revalidates (the price of a global clock). */
static _Atomic int churn_stop;
static void churn_thread(void *p) {
    BenchRes *r = p;
    StmTx tx;
    if (!stm_tx_init(&tx, NULL)) abort();
    stm_set_direct(&tx, false);
    int64_t c0 = plat_thread_time_ns();
    int n = 0;
    for (; !atomic_load(&churn_stop); n++) run_tx(&tx, STM_UNORDERED, write_one_body, r->obj);
    r->commit_one = n ? (double)(plat_thread_time_ns() - c0) / n : 0;
    r->rounds = n;
    stm_tx_fini(&tx);
    join_done(r->join);
}

static void bench_validation(int rounds) {
    BenchRes r[2];
    Join j, jc;
    join_init(&j, 1);
    join_init(&jc, 1);
    r[0] = (BenchRes){0};
    r[0].join = &j;
    r[0].rounds = rounds;
    r[0].obj = big_new(2 * BW + 8);
    r[1] = (BenchRes){0};
    r[1].join = &jc;
    r[1].obj = big_new(2 * BW + 8);
    atomic_store(&churn_stop, 0);
    if (plat_thread_start(churn_thread, &r[1], 0) != 0 || plat_thread_start(bench_thread, &r[0], 0) != 0) exit(2);
    join_wait(&j);
    atomic_store(&churn_stop, 1);
    join_wait(&jc);
    printf("  with a committing neighbour: read %.1f first, %.1f again; write %.1f first; "
           "commit: empty %.0f; neighbour: %d commits of 1 word, %.0f ns each\n",
           r[0].read_first, r[0].read_again, r[0].write_first, r[0].commit_empty, r[1].rounds, r[1].commit_one);
    free(r[0].obj);
    free(r[1].obj);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    setvbuf(stdout, NULL, _IOLBF, 0);
    StmHooks hooks = {hook_site, hook_conflict, hook_committed};
    with_hook = strcmp(mode, "nohook") != 0 && strcmp(mode, "bench-nohook") != 0;
    if (!with_hook) hooks.committed = NULL;
    conflicts_lock = plat_mutex_new();
    stm_init(&hooks);
    stm_set_wait_hooks(hook_wait_enter, hook_wait_leave);
    if (strncmp(mode, "bench", 5) == 0) {
        bench(2000);
        bench_validation(2000);
        return 0;
    }
    printf("deterministic interleavings\n");
    test_read_write_conflict();
    test_read_only();
    test_private();
    test_ordered();
    test_skip_ticket();
    test_inevitable();
    test_global_abort();
    test_log_overflow();
    test_redo_growth();
    test_actions();
    test_stats();
    test_gc_clear_log();
    if (with_hook) test_gc_in_commit_hook();
    test_direct();
    printf("stress\n");
    test_stress_bank(6, 2);
    test_stress_counters(8);
    test_stress_counters(16);
    test_stress_ordered(6);
    if (!UNDER_TSAN && with_hook) {
        printf("micro-benchmark (ns of thread CPU time per operation)\n");
        bench(200);
        bench_validation(200);
    }
    if (failures) {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("all STM tests passed\n");
    return 0;
}
