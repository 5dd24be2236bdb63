/* embed.c - the C side of the JS API (txpy.mjs, through txpy-worker.js) in
 * the Emscripten build: one interpreter per wasm instance, living on its
 * own pthread (the runner), running one program at a time on request.
 *
 * Protocol (all embed_* functions are called by JavaScript on the runtime's
 * main thread and return at once; none ever blocks, aborts or unwinds):
 *   embed_start()          start the runner; it initialises the VM and
 *                          notifies EMBED_READY (or EMBED_INIT_FAILED);
 *   embed_run(...)         hand it a program (ownership of the malloc'd
 *                          buffers passes to C); EMBED_DONE follows;
 *   embed_result_*()       the last run's exit code, uncaught exception, STM
 *                          totals, top conflict sites and per-attempt events,
 *                          valid from EMBED_DONE to the next run;
 *   embed_take_output()    the output written since the last call, as one
 *                          malloc'd block (JS frees it), after EMBED_OUTPUT;
 *   plat_wasm_stop_flag()  (plat_emscripten.c) the word JS sets to cancel.
 * Notifications reach JS as Module.txpyNotify(kind), queued to the main
 * thread; output is queued here, in order, and merely announced, so that
 * stdout/stderr keep the order in which threads wrote them.
 *
 * Invariants:
 * - Every run starts from the state right after start-up: sys's and
 *   builtins' namespaces, sys.modules, sys.argv/path and the recursion limit
 *   are restored before it (modules the previous run imported are imported
 *   afresh), and the stop flag is cleared.
 * - Open file objects a run left unclosed have their buffers written out
 *   when it ends (as the CLI does at exit), so the host can read the files.
 * - The runner's VM is parked whenever it waits for a request, so threads a
 *   program left running (daemon threads) can still collect garbage.
 * - Before the first request the runner warms the interpreter loop up (see
 *   warm_up), stopping as soon as a request arrives.
 * - Output records are [fd:1][len:4 little-endian][bytes]; the block handed
 *   to JS starts with its record bytes' total length (4 bytes).
 */
#include "../../vm/vm.h"

#include <emscripten.h>
#include <stdlib.h>
#include <string.h>

enum { EMBED_READY = 1, EMBED_INIT_FAILED = 2, EMBED_OUTPUT = 3, EMBED_DONE = 4 };
enum { EMBED_EBUSY = -16 };
enum { RUNNER_STACK = 8 << 20, MAX_CONFLICTS = 10 };
enum { STATS_NONE = 0, STATS_REPORT = 1, STATS_DATA = 2 };

typedef struct Request {
    char *src;                  /* program text (UTF-8), not NUL-terminated */
    size_t len;
    char *filename;             /* shown in tracebacks */
    char *args;                 /* argc NUL-terminated strings back to back: sys.argv */
    int argc;
    int workers;                /* <= 0: the number of cores */
    int stats;                  /* STATS_*: REPORT also prints --stm-stats's report */
} Request;

_Static_assert(sizeof(TxnEvent) == 24, "txpy-worker.js reads events as 24-byte records");

typedef struct Conflict {
    double count;
    int rline, wline;
    char *rfile, *wfile, *type;     /* malloc'd */
} Conflict;

typedef struct Result {
    int exit_code;
    bool cancelled;             /* ended by KeyboardInterrupt after a stop request */
    char *exc_type, *exc_message, *traceback;   /* malloc'd; NULL without an uncaught exception */
    StmStats stats;             /* of this run alone */
    Conflict conflicts[MAX_CONFLICTS];
    int nconflicts;
    const TxnEvent *events;     /* the VM's ring, untouched until the next run */
    size_t nevents;
    uint64_t events_dropped;
} Result;

static struct {
    PlatMutex *lock;
    PlatCond *cond;
    bool started, pending;      /* under lock: a request waits in req */
    Request req;
    Result res;
    /* state right after start-up (GC roots) */
    Value base_sys, base_builtins, base_modules, base_path;
    int32_t base_recursion_limit;
} E;

static struct {
    PlatMutex *lock;
    char *buf;                  /* 4-byte length header, then records */
    size_t len, cap;
    bool announced;             /* EMBED_OUTPUT sent and not yet taken */
    bool capture;               /* copy stderr into tb as well */
    StrBuf tb;
} O;

static void notify(int kind) {
    MAIN_THREAD_ASYNC_EM_ASM({ if (Module['txpyNotify']) Module['txpyNotify']($0); }, kind);
}

/* ---- output ---- */
static bool out_reserve(size_t more) {
    if (O.len + more <= O.cap) return true;
    size_t nc = O.cap ? O.cap : 4096;
    while (nc < O.len + more) nc *= 2;
    char *nb = realloc(O.buf, nc);
    if (!nb) return false;
    O.buf = nb;
    O.cap = nc;
    return true;
}

static void embed_write(void *host, int fd, const char *s, size_t n) {
    (void)host;
    plat_mutex_lock(O.lock);
    if (O.capture && fd == 2) sb_append(&O.tb, s, n);
    if (O.len == 0 && out_reserve(4)) O.len = 4;
    if (O.len >= 4 && out_reserve(5 + n)) {
        uint32_t n32 = (uint32_t)n;
        O.buf[O.len] = (char)fd;
        memcpy(O.buf + O.len + 1, &n32, 4);
        memcpy(O.buf + O.len + 5, s, n);
        O.len += 5 + n;
        if (!O.announced) {
            O.announced = true;
            notify(EMBED_OUTPUT);
        }
    }
    plat_mutex_unlock(O.lock);
}

EMSCRIPTEN_KEEPALIVE char *embed_take_output(void) {
    plat_mutex_lock(O.lock);
    char *b = NULL;
    if (O.len > 4) {
        uint32_t n32 = (uint32_t)(O.len - 4);
        memcpy(O.buf, &n32, 4);
        b = O.buf;
        O.buf = NULL;
        O.len = O.cap = 0;
    }
    O.announced = false;
    plat_mutex_unlock(O.lock);
    return b;
}

/* ---- resetting the interpreter between runs ---- */

/* Make dict d hold exactly base's items again. */
static void restore_dict(VM *vm, Value d, Value base) {
    Value keys = dict_keys_list(vm, d);
    if (!keys) { vm_exc_clear(vm); return; }
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, keys);
    int64_t n = list_len(vm, keys);
    for (int64_t i = 0; i < n; i++) {
        Value k = list_get(vm, keys, i);
        bool err = false;
        if (!dict_get(vm, base, k, &err) && !err) dict_del(vm, d, k);
        vm_exc_clear(vm);
    }
    ROOTS_RESET(vm);
    if (dict_update(vm, d, base) < 0) vm_exc_clear(vm);
}

static bool take_baseline(VM *vm) {
    gc_add_root(&E.base_sys);
    gc_add_root(&E.base_builtins);
    gc_add_root(&E.base_modules);
    gc_add_root(&E.base_path);
    E.base_sys = dict_copy(vm, module_dict(G->sys_module));
    E.base_builtins = E.base_sys ? dict_copy(vm, G->builtins) : VNULL;
    E.base_modules = E.base_builtins ? dict_copy(vm, G->modules) : VNULL;
    E.base_path = E.base_modules ? list_from_iter(vm, G->sys_path) : VNULL;
    E.base_recursion_limit = G->recursion_limit;
    if (!E.base_path) { vm_exc_clear(vm); return false; }
    return true;
}

/* sys.argv = args, sys.path = the start-up path with "" (the current
 * directory, as for `txpy -c`) first. */
static bool set_argv_path(VM *vm, const Request *rq) {
    Value argv = list_new(vm, 0);
    Value path = argv ? list_new(vm, 0) : VNULL;
    if (!path) return false;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, argv);
    ROOT_PUSH(vm, path);
    G->argv = argv;
    const char *a = rq->args;
    char *words[1];
    for (int i = 0; i < rq->argc; i++) {
        words[0] = (char *)a;
        sys_set_argv(vm, 1, words);
        a += strlen(a) + 1;
    }
    Value empty = str_from_cstr(vm, "");
    bool ok = empty && list_append(vm, path, empty);
    int64_t n = ok ? list_len(vm, E.base_path) : 0;
    for (int64_t i = 0; ok && i < n; i++) ok = list_append(vm, path, list_get(vm, E.base_path, i));
    G->sys_path = path;
    Value sd = module_dict(G->sys_module);
    ok = ok && dict_set_cstr(vm, sd, "argv", argv) >= 0 && dict_set_cstr(vm, sd, "orig_argv", argv) >= 0 &&
         dict_set_cstr(vm, sd, "path", path) >= 0;
    ROOTS_RESET(vm);
    return ok;
}

static void reset_interpreter(VM *vm) {
    vm_exc_clear(vm);
    vm->handled = VNULL;
    restore_dict(vm, G->modules, E.base_modules);
    restore_dict(vm, module_dict(G->sys_module), E.base_sys);
    restore_dict(vm, G->builtins, E.base_builtins);
    G->recursion_limit = E.base_recursion_limit;
    plat_clear_stop();
}

/* ---- one run ---- */
static char *dup_value_text(VM *vm, Value v) {
    Value s = v ? vm_str(vm, v) : VNULL;
    if (!s) { vm_exc_clear(vm); return NULL; }
    size_t n = (size_t)str_len(s);
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, str_cstr(s), n);
        c[n] = 0;
    }
    return c;
}

static char *dup_cstr(const char *s) { return s ? strdup(s) : NULL; }

static void result_clear(Result *r) {
    free(r->exc_type);
    free(r->exc_message);
    free(r->traceback);
    for (int i = 0; i < r->nconflicts; i++) {
        free(r->conflicts[i].rfile);
        free(r->conflicts[i].wfile);
        free(r->conflicts[i].type);
    }
    memset(r, 0, sizeof *r);
}

/* The program's uncaught exception (pending in vm->exc): describe it in
 * the result, then print it and get the exit code as the CLI does. */
static int handle_uncaught(VM *vm, Result *res) {
    Value exc = vm_exc_fetch(vm);
    if (!exc) return 1;
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, exc);
    bool exiting = v_isinstance_of(exc, &exc_SystemExit);
    if (!exiting) {
        res->exc_type = dup_cstr(v_type(exc)->name);
        res->exc_message = dup_value_text(vm, exc);
        res->cancelled = v_isinstance_of(exc, &exc_KeyboardInterrupt);
        plat_mutex_lock(O.lock);
        O.capture = true;
        sb_clear(&O.tb);
        plat_mutex_unlock(O.lock);
    }
    vm->exc = exc;
    int rc = vm_handle_uncaught(vm);
    vm_flush_std(vm);
    if (!exiting) {
        plat_mutex_lock(O.lock);
        O.capture = false;
        res->traceback = malloc(O.tb.len + 1);
        if (res->traceback) {
            if (O.tb.len) memcpy(res->traceback, O.tb.data, O.tb.len);
            res->traceback[O.tb.len] = 0;
        }
        sb_clear(&O.tb);
        plat_mutex_unlock(O.lock);
    }
    ROOTS_RESET(vm);
    return rc;
}

/* The STM figures of the run just ended (the conflict sites' file names
 * belong to code objects that may go away: copied). */
static void collect_stats(Result *res, bool with_events) {
    txn_stats(&res->stats);
    TxnConflict top[MAX_CONFLICTS];
    int n = txn_conflicts(top, MAX_CONFLICTS);
    for (int i = 0; i < n; i++) {
        Conflict *c = &res->conflicts[i];
        c->count = (double)top[i].count;
        c->rline = top[i].rline;
        c->wline = top[i].wline;
        c->rfile = dup_cstr(top[i].rfile);
        c->wfile = dup_cstr(top[i].wfile);
        c->type = dup_cstr(top[i].type_name);
    }
    res->nconflicts = n;
    if (with_events) res->events = txn_events(&res->nevents, &res->events_dropped);
}

static void run_request(VM *vm, Request *rq, Result *res) {
    txn_stats_reset();
    G->nworkers = rq->workers > 0 ? rq->workers : plat_num_cpus();
    G->stm_stats = rq->stats != STATS_NONE;
    int rc;
    Value fn = set_argv_path(vm, rq) ? str_from_cstr(vm, rq->filename) : VNULL;
    Value name = fn ? str_intern_cstr(vm, "__main__") : VNULL;
    if (!name) {
        rc = handle_uncaught(vm, res);
    } else {
        ROOTS_MARK(vm);
        ROOT_PUSH(vm, fn);
        Value r = vm_run_module_source(vm, name, rq->src, rq->len, fn);
        ROOTS_RESET(vm);
        rc = r ? 0 : handle_uncaught(vm, res);
    }
    vm_wait_threads(vm);
    vm_flush_files();
    vm_flush_std(vm);
    if (rq->stats == STATS_REPORT) txn_print_stats(vm);
    collect_stats(res, rq->stats != STATS_NONE);
    G->stm_stats = false;
    res->exit_code = rc;
}

/* V8 runs a wasm function in the tier it was entered with, and the
 * interpreter loop runs a whole program in one call: entered before V8
 * optimized it, it would stay in the baseline tier (about 2.5x slower).
 * So run a small loop, one fresh entry at a time, until an entry shows
 * the optimized code (half the time of the first), for at most about a
 * second, and stop early if a program is waiting. */
static void warm_up(VM *vm) {
    static const char src[] =
        "def f(n):\n"
        "    t = 0\n"
        "    for i in range(n):\n"
        "        t += i & 7\n"
        "    return t\n"
        "f(2000)\n";
    ROOTS_MARK(vm);
    Value fn = str_from_cstr(vm, "<warm-up>");
    if (fn) ROOT_PUSH(vm, fn);
    Value code = fn ? compile_source(vm, src, sizeof src - 1, fn, COMPILE_EXEC) : VNULL;
    if (code) ROOT_PUSH(vm, code);
    Value g = code ? dict_new(vm) : VNULL;
    if (g) ROOT_PUSH(vm, g);
    if (!g || dict_set_str(vm, g, NM(__builtins__), G->builtins_module) < 0) {
        vm_exc_clear(vm);
        ROOTS_RESET(vm);
        return;
    }
    int64_t start = plat_monotonic_ns(), first = -1;
    for (int i = 0; i < 400; i++) {
        plat_mutex_lock(E.lock);
        bool waiting = E.pending;
        plat_mutex_unlock(E.lock);
        if (waiting) break;
        int64_t t0 = plat_monotonic_ns();
        if (!vm_eval_code(vm, AS(Code, code), g, g)) {
            vm_exc_clear(vm);
            break;
        }
        int64_t t = plat_monotonic_ns() - t0;
        if (first < 0) first = t;
        else if (2 * t < first) break;
        if (t0 - start > 1000000000) break;
        plat_sleep_ns(2000000);     /* room for the background compiler */
    }
    ROOTS_RESET(vm);
}

static void request_free(Request *rq) {
    free(rq->src);
    free(rq->filename);
    free(rq->args);
    memset(rq, 0, sizeof *rq);
}

static void runner_main(void *arg) {
    (void)arg;
    VM *vm = vm_main_init();
    if (!vm || !take_baseline(vm)) {
        notify(EMBED_INIT_FAILED);
        return;
    }
    G->write_out = embed_write;
    G->host = NULL;
    notify(EMBED_READY);
    warm_up(vm);
    bool first = true;
    for (;;) {
        vm_park(vm);
        plat_mutex_lock(E.lock);
        while (!E.pending) plat_cond_wait(E.cond, E.lock);
        Request rq = E.req;
        memset(&E.req, 0, sizeof E.req);
        plat_mutex_unlock(E.lock);
        vm_unpark(vm);
        if (!first) reset_interpreter(vm);
        first = false;
        result_clear(&E.res);
        run_request(vm, &rq, &E.res);
        request_free(&rq);
        plat_mutex_lock(E.lock);
        E.pending = false;
        plat_mutex_unlock(E.lock);
        notify(EMBED_DONE);
    }
}

/* ---- entry points for JavaScript ---- */
EMSCRIPTEN_KEEPALIVE int embed_start(void) {
    if (E.started) return 0;
    E.lock = plat_mutex_new();
    E.cond = plat_cond_new();
    O.lock = plat_mutex_new();
    if (!E.lock || !E.cond || !O.lock) return PLAT_ENOMEM;
    int r = plat_thread_start(runner_main, NULL, RUNNER_STACK);
    if (r == 0) E.started = true;
    return r;
}

/* Takes ownership of src, filename and args (malloc'd by JS) in every
 * case; stats is a STATS_* mode.  0, EMBED_EBUSY (a run is in progress)
 * or PLAT_EINVAL. */
EMSCRIPTEN_KEEPALIVE int embed_run(char *src, size_t len, char *filename, char *args, int argc,
                                   int workers, int stats) {
    Request rq = {src, len, filename, args, argc, workers, stats};
    if (!E.started || !src || !filename || !args || argc < 1 || stats < STATS_NONE || stats > STATS_DATA) {
        request_free(&rq);
        return PLAT_EINVAL;
    }
    plat_mutex_lock(E.lock);
    bool busy = E.pending;
    if (!busy) {
        E.req = rq;
        E.pending = true;
        plat_cond_signal(E.cond);
    }
    plat_mutex_unlock(E.lock);
    if (busy) {
        request_free(&rq);
        return EMBED_EBUSY;
    }
    return 0;
}

EMSCRIPTEN_KEEPALIVE int embed_result_exit_code(void) { return E.res.exit_code; }
EMSCRIPTEN_KEEPALIVE int embed_result_cancelled(void) { return E.res.cancelled; }

/* 0 exception type, 1 its str(), 2 the traceback as printed; NULL if none. */
EMSCRIPTEN_KEEPALIVE const char *embed_result_text(int which) {
    switch (which) {
    case 0: return E.res.exc_type;
    case 1: return E.res.exc_message;
    case 2: return E.res.traceback;
    default: return NULL;
    }
}

/* 0 committed, 1 aborted, 2 inevitable transactions, 3 seconds in
 * committed ones, 4 seconds lost in aborts, 5 seconds waiting. */
EMSCRIPTEN_KEEPALIVE double embed_result_stat(int which) {
    const StmStats *s = &E.res.stats;
    switch (which) {
    case 0: return (double)s->commits;
    case 1: return (double)s->aborts;
    case 2: return (double)s->inevitable;
    case 3: return (double)s->ns_committed / 1e9;
    case 4: return (double)s->ns_aborted / 1e9;
    case 5: return (double)s->ns_waiting / 1e9;
    default: return 0;
    }
}

/* The top conflict sites: how many; then, for site i, 0 its count, 1 the
 * read's line, 2 the write's line, and as text 0 the read's file, 1 the
 * write's file, 2 the type of the object. */
EMSCRIPTEN_KEEPALIVE int embed_result_conflicts(void) { return E.res.nconflicts; }

EMSCRIPTEN_KEEPALIVE double embed_result_conflict_num(int i, int which) {
    if (i < 0 || i >= E.res.nconflicts) return 0;
    const Conflict *c = &E.res.conflicts[i];
    return which == 0 ? c->count : which == 1 ? c->rline : which == 2 ? c->wline : 0;
}

EMSCRIPTEN_KEEPALIVE const char *embed_result_conflict_text(int i, int which) {
    if (i < 0 || i >= E.res.nconflicts) return NULL;
    const Conflict *c = &E.res.conflicts[i];
    return which == 0 ? c->rfile : which == 1 ? c->wfile : which == 2 ? c->type : NULL;
}

/* Per-attempt events (TxnEvent records of 24 bytes: start_ns, end_ns,
 * worker, flags), when the run asked for statistics. */
EMSCRIPTEN_KEEPALIVE const TxnEvent *embed_result_events(void) { return E.res.events; }
EMSCRIPTEN_KEEPALIVE double embed_result_event_count(void) { return (double)E.res.nevents; }
EMSCRIPTEN_KEEPALIVE double embed_result_events_dropped(void) { return (double)E.res.events_dropped; }
