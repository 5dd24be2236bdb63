/* thread.c - per-thread VMs, safe points and stopping the world.
 *
 * Every VM is in one of three states: RUNNING (may touch the heap), PARKED
 * (blocked in a lock, sleep, I/O or an STM wait: promises not to touch the
 * heap until vm_unpark), or STOPPED (waiting at a safe point for a
 * stop-the-world operation to end).  A stop-the-world operation (a garbage
 * collection) starts when some RUNNING thread reaches a safe point and finds
 * `gc_requested` set: it waits until no other thread is RUNNING, does the
 * work, and releases everyone.  Threads that unpark during the operation
 * wait for it to end first.
 */
#include "vm.h"
#include <stdlib.h>
#include <string.h>

enum { ST_RUNNING = TS_RUNNING, ST_PARKED = TS_PARKED, ST_STOPPED = 2 };

static bool world_stopping;         /* under G->threads_lock */
static VM *stopper;

#define FRAME_CHUNK (256 * 1024)

typedef struct FChunk {
    struct FChunk *prev;
    char *saved_top;            /* the previous chunk's top when this one was started */
    char *end;
} FChunk;

#define FCHUNK_HDR ((sizeof(FChunk) + 15) & ~(size_t)15)

static bool fstack_new_chunk(VM *vm, size_t need) {
    size_t sz = need + FCHUNK_HDR > FRAME_CHUNK ? need + FCHUNK_HDR : FRAME_CHUNK;
    FChunk *c = malloc(sz);
    if (!c) return false;
    c->prev = (FChunk *)vm->fstack;
    c->saved_top = vm->fstack_top;
    c->end = (char *)c + sz;
    vm->fstack = (char *)c;
    vm->fstack_top = (char *)c + FCHUNK_HDR;
    vm->fstack_end = c->end;
    return true;
}

/* Called on the thread that runs vm.  The margin left above the stack's
 * floor covers the deepest C code that runs between two checks (parsing,
 * sorting, printing a traceback). */
void vm_set_stack(VM *vm, size_t size) {
    (void)size;
    char here;
    uintptr_t low = plat_stack_low(), top = (uintptr_t)&here;
    if (!low || low >= top) { vm->stack_lo = 0; return; }
    uintptr_t avail = top - low;
    uintptr_t margin = avail > ((uintptr_t)2 << 20) ? (uintptr_t)256 << 10 : avail / 4;
    vm->stack_lo = low + margin;
}

VM *vm_thread_new(void) {
    VM *vm = calloc(1, sizeof(VM));
    if (!vm) return NULL;
    vm->in = G;
    vm->roots_cap = 256;
    vm->roots = malloc((size_t)vm->roots_cap * sizeof(Value));
    if (!vm->roots || !fstack_new_chunk(vm, 0) || !gc_thread_init(vm) || !stm_tx_init(&vm->tx, vm)) {
        vm_thread_free(vm);
        return NULL;
    }
    vm->ident = plat_thread_self();
    vm->slice_level = -1;
    vm_set_stack(vm, 0);
    atomic_store(&vm->state, ST_RUNNING);
    plat_mutex_lock(G->threads_lock);
    /* A new thread must not start touching the heap during a collection. */
    while (world_stopping) plat_cond_wait(G->threads_cond, G->threads_lock);
    vm->next_vm = G->threads;
    G->threads = vm;
    G->nthreads++;
    plat_mutex_unlock(G->threads_lock);
    return vm;
}

void vm_thread_free(VM *vm) {
    if (!vm) return;
    if (G && G->threads_lock) {
        plat_mutex_lock(G->threads_lock);
        /* a collection in progress waits for every registered thread to
         * stop: say so while waiting for it to end */
        if (world_stopping && stopper != vm) {
            atomic_store(&vm->state, ST_STOPPED);
            plat_cond_broadcast(G->threads_cond);
            while (world_stopping) plat_cond_wait(G->threads_cond, G->threads_lock);
        }
        for (VM **p = &G->threads; *p; p = &(*p)->next_vm) {
            if (*p == vm) {
                *p = vm->next_vm;
                G->nthreads--;
                break;
            }
        }
        plat_cond_broadcast(G->threads_cond);
        plat_mutex_unlock(G->threads_lock);
    }
    if (vm->tx.marks) {
        stm_stats_add(&vm->tx.stats);
        stm_tx_fini(&vm->tx);
    }
    gc_thread_fini(vm);
    txn_vm_fini(vm);
    FChunk *c = (FChunk *)vm->fstack;
    while (c) {
        FChunk *p = c->prev;
        free(c);
        c = p;
    }
    sb_free(&vm->txout);
    free(vm->roots);
    free(vm);
}

bool vm_roots_grow(VM *vm) {
    int32_t nc = vm->roots_cap * 2;
    Value *n = realloc(vm->roots, (size_t)nc * sizeof(Value));
    if (!n) {
        vm_raise_nomem(vm);
        return false;
    }
    vm->roots = n;
    vm->roots_cap = nc;
    return true;
}

/* ---- frames ---- */
Frame *frame_push(VM *vm, Code *code, Function *func, Value globals, Value locals) {
    size_t sz = (frame_size(code) + 15) & ~(size_t)15;
    if (UNLIKELY(vm->fstack_top + sz > vm->fstack_end) && !fstack_new_chunk(vm, sz)) {
        vm_raise_nomem(vm);
        return NULL;
    }
    Frame *f = (Frame *)vm->fstack_top;
    vm->fstack_top += sz;
    f->prev = vm->frame;
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->builtins = func ? func->builtins : G->builtins;
    f->locals = locals;
    f->ip = code->code;
    f->stack = f->localsplus + code->nlocalsplus;
    f->sp = f->stack;
    f->blocks = (Block *)(f->stack + code->stacksize);
    f->nblocks = 0;
    f->entry = 0;
    f->in_heap = 0;
    f->throwing = 0;
    f->gen = NULL;
    for (int32_t i = 0; i < code->nlocalsplus; i++) f->localsplus[i] = VNULL;
    vm->frame = f;
    vm->depth++;
    return f;
}

void frame_pop(VM *vm, Frame *f) {
    vm->frame = f->prev;
    vm->depth--;
    if (f->in_heap) return;
    FChunk *c = (FChunk *)vm->fstack;
    if ((char *)f == (char *)c + FCHUNK_HDR && c->prev) {
        /* the first frame of an overflow chunk: return to the previous chunk */
        vm->fstack = (char *)c->prev;
        vm->fstack_top = c->saved_top;
        vm->fstack_end = c->prev->end;
        free(c);
        return;
    }
    vm->fstack_top = (char *)f;
}

/* After an aborted attempt: drop the frame chunks started since, and go
 * back to the saved top. */
void frame_arena_reset(VM *vm, char *fstack, char *top, char *end) {
    while (vm->fstack != fstack && vm->fstack) {
        FChunk *c = (FChunk *)vm->fstack;
        vm->fstack = (char *)c->prev;
        free(c);
    }
    vm->fstack_top = top;
    vm->fstack_end = end;
}

/* ---- safe points ---- */
static bool others_running(VM *self) {
    for (VM *v = G->threads; v; v = v->next_vm)
        if (v != self && atomic_load(&v->state) == ST_RUNNING) return true;
    return false;
}

static void gc_op(VM *vm, void *ctx) {
    (void)ctx;
    gc_collect_stopped(vm);
}

static void run_stopped(VM *vm, void (*fn)(VM *, void *), void *ctx) {
    /* called with threads_lock held and world_stopping set by us */
    while (others_running(vm)) plat_cond_wait(G->threads_cond, G->threads_lock);
    fn(vm, ctx);
    world_stopping = false;
    stopper = NULL;
    plat_cond_broadcast(G->threads_cond);
}

void vm_stop_the_world(VM *vm, void (*fn)(VM *, void *), void *ctx) {
    plat_mutex_lock(G->threads_lock);
    while (world_stopping) {
        atomic_store(&vm->state, ST_STOPPED);
        plat_cond_broadcast(G->threads_cond);
        plat_cond_wait(G->threads_cond, G->threads_lock);
    }
    atomic_store(&vm->state, ST_RUNNING);
    world_stopping = true;
    stopper = vm;
    run_stopped(vm, fn, ctx);
    plat_mutex_unlock(G->threads_lock);
}

void vm_safepoint_slow(VM *vm) {
    if (!atomic_load(&gc_requested)) return;
    plat_mutex_lock(G->threads_lock);
    if (world_stopping) {
        atomic_store(&vm->state, ST_STOPPED);
        plat_cond_broadcast(G->threads_cond);
        while (world_stopping) plat_cond_wait(G->threads_cond, G->threads_lock);
        atomic_store(&vm->state, ST_RUNNING);
    } else if (atomic_load(&gc_requested)) {
        world_stopping = true;
        stopper = vm;
        run_stopped(vm, gc_op, NULL);
    }
    plat_mutex_unlock(G->threads_lock);
    /* The collector validated our transaction for us: act on a conflict. */
    if (vm->tx.active && vm->tx.abort_reason) stm_abort(&vm->tx, vm->tx.abort_reason);
}

void vm_park(VM *vm) {
    plat_mutex_lock(G->threads_lock);
    atomic_store(&vm->state, ST_PARKED);
    if (world_stopping) plat_cond_broadcast(G->threads_cond);
    plat_mutex_unlock(G->threads_lock);
}

void vm_unpark(VM *vm) {
    plat_mutex_lock(G->threads_lock);
    while (world_stopping) plat_cond_wait(G->threads_cond, G->threads_lock);
    atomic_store(&vm->state, ST_RUNNING);
    plat_mutex_unlock(G->threads_lock);
}
