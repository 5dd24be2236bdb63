/* test_gc.c - the garbage collector and object model under stress, from C.
 *
 * Things Python-level tests cannot check directly: the heap stays bounded
 * while a loop allocates far more than it keeps; unreachable cycles are
 * reclaimed; values held only in temp roots, registered roots and frames
 * survive; several threads allocating at once (each at its own safe points)
 * keep their own objects intact; a transaction's private objects reached
 * only from its redo log survive a collection and become shared at commit.
 *
 * Usage: test_gc            (exit status 0 when every check passes)
 */
#include "vm.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond, ...) do { \
        if (!(cond)) { \
            failures++; \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

/* Collect now: request it and pass a safe point. */
static void collect(VM *vm) {
    atomic_store(&gc_requested, 1);
    vm_safepoint(vm);
}

/* A list [i, str(i), [i]] */
static Value make_item(VM *vm, int64_t i) {
    Value l = list_new(vm, 0);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, l);
    list_append(vm, l, v_from_small(i));
    Value s = int_to_str(vm, v_from_small(i), 10);
    list_append(vm, l, s);
    Value inner = list_new(vm, 0);
    ROOT_PUSH(vm, inner);
    list_append(vm, inner, v_from_small(i));
    list_append(vm, l, inner);
    ROOTS_RESET(vm);
    return l;
}

static bool item_ok(VM *vm, Value l, int64_t i) {
    if (!IS_LIST(l) || list_len(vm, l) != 3) return false;
    if (list_get(vm, l, 0) != v_from_small(i)) return false;
    Value s = list_get(vm, l, 1);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)i);
    if (!IS_STR(s) || strcmp(str_cstr(s), buf) != 0) return false;
    Value inner = list_get(vm, l, 2);
    return IS_LIST(inner) && list_len(vm, inner) == 1 && list_get(vm, inner, 0) == v_from_small(i);
}

/* 1. A loop allocating ~2 GB in total keeps the heap bounded. */
static void test_bounded_heap(VM *vm) {
    size_t peak = 0;
    uint64_t c0 = gc_collections();
    for (int64_t i = 0; i < 4000000; i++) {
        Value junk = make_item(vm, i);
        (void)junk;
        if ((i & 1023) == 0) {
            vm_safepoint(vm);
            size_t h = gc_heap_bytes();
            if (h > peak) peak = h;
        }
    }
    CHECK(gc_collections() > c0 + 5, "expected many collections, got %llu", (unsigned long long)(gc_collections() - c0));
    CHECK(peak < (size_t)256 << 20, "heap peaked at %zu bytes", peak);
    printf("bounded heap: %llu collections, peak heap %.1f MiB\n", (unsigned long long)(gc_collections() - c0),
           (double)peak / (1 << 20));
}

/* 2. Cycles that become unreachable are reclaimed. */
static void test_cycles(VM *vm) {
    collect(vm);
    size_t base = gc_heap_bytes();
    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 20000; i++) {
            Value a = list_new(vm, 0);
            ROOTS_MARK(vm);
            ROOT_PUSH(vm, a);
            Value b = list_new(vm, 0);
            ROOT_PUSH(vm, b);
            list_append(vm, a, b);
            list_append(vm, b, a);       /* a <-> b */
            Value d = dict_new(vm);
            ROOT_PUSH(vm, d);
            dict_set(vm, d, v_from_small(i), d);    /* d -> d */
            list_append(vm, a, d);
            ROOTS_RESET(vm);
        }
        collect(vm);
    }
    size_t after = gc_heap_bytes();
    CHECK(after < base + ((size_t)32 << 20), "cycles kept: heap %zu -> %zu bytes", base, after);
    printf("cycles: heap %.1f MiB before, %.1f MiB after 400k dead cycles\n", (double)base / (1 << 20),
           (double)after / (1 << 20));
}

/* 3. Objects held only by roots survive many collections intact. */
static Value registered;

static void test_roots(VM *vm) {
    registered = list_new(vm, 0);
    gc_add_root(&registered);
    ROOTS_MARK(vm);
    Value kept = list_new(vm, 0);
    ROOT_PUSH(vm, kept);
    for (int64_t i = 0; i < 20000; i++) {
        Value it = make_item(vm, i);
        ROOT_PUSH(vm, it);
        list_append(vm, i % 2 ? kept : registered, it);
        ROOTS_RESET(vm);
        ROOT_PUSH(vm, kept);
        Value junk = make_item(vm, -i);
        (void)junk;
        if (i % 500 == 0) collect(vm);
    }
    collect(vm);
    int bad = 0;
    for (int64_t i = 0; i < 10000; i++) {
        if (!item_ok(vm, list_get(vm, registered, i), 2 * i)) bad++;
        if (!item_ok(vm, list_get(vm, kept, i), 2 * i + 1)) bad++;
    }
    ROOTS_RESET(vm);
    CHECK(bad == 0, "%d rooted items damaged", bad);
    printf("roots: 20000 rooted items intact after %llu collections\n", (unsigned long long)gc_collections());
}

/* 4. Several threads allocate at once; the world stops at their safe points. */
#define NTHREADS 4
typedef struct Job {
    int id;
    int bad;
    _Atomic int done;
} Job;

static void worker(void *arg) {
    Job *j = arg;
    VM *vm = vm_thread_new();
    if (!vm) { j->bad = -1; atomic_store(&j->done, 1); return; }
    Value kept = list_new(vm, 0);
    ROOT_PUSH(vm, kept);
    for (int64_t i = 0; i < 200000; i++) {
        Value it = make_item(vm, j->id * 1000000 + i);
        if (i % 100 == 0) {
            ROOT_PUSH(vm, it);
            list_append(vm, kept, it);
            vm->nroots--;
        }
        vm_safepoint(vm);
    }
    for (int64_t k = 0; k < 2000; k++)
        if (!item_ok(vm, list_get(vm, kept, k), j->id * 1000000 + k * 100)) j->bad++;
    vm->nroots = 0;
    vm_thread_free(vm);
    atomic_store(&j->done, 1);
}

static void test_threads(VM *vm) {
    Job jobs[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        jobs[t].id = t + 1;
        jobs[t].bad = 0;
        atomic_store(&jobs[t].done, 0);
        CHECK(plat_thread_start(worker, &jobs[t], (size_t)8 << 20) == 0, "thread start");
    }
    uint64_t c0 = gc_collections();
    for (;;) {
        int done = 0;
        for (int t = 0; t < NTHREADS; t++) done += atomic_load(&jobs[t].done);
        if (done == NTHREADS) break;
        vm_park(vm);
        plat_sleep_ns(1000000);
        vm_unpark(vm);
    }
    int bad = 0;
    for (int t = 0; t < NTHREADS; t++) bad += jobs[t].bad;
    CHECK(bad == 0, "%d items damaged across threads", bad);
    printf("threads: %d threads allocating, %llu collections, no damage\n", NTHREADS,
           (unsigned long long)(gc_collections() - c0));
}

/* 5. A transaction's private object, reachable only from its redo log,
 * survives a collection and is intact after the commit. */
static void test_tx_private(VM *vm) {
    Value holder = list_new(vm, 1);
    ROOTS_MARK(vm);
    ROOT_PUSH(vm, holder);
    list_set(vm, holder, 0, V_NONE);
    stm_set_direct(&vm->tx, false);
    jmp_buf jb;
    if (setjmp(jb)) {
        CHECK(0, "unexpected abort");
        stm_set_direct(&vm->tx, true);
        ROOTS_RESET(vm);
        return;
    }
    stm_begin(&vm->tx, STM_UNORDERED, &jb);
    vm->in_tx = true;
    Value priv = make_item(vm, 4242);
    CHECK(((Obj *)v_ptr(priv))->stm.owner == vm->tx.id, "new object not private");
    list_set(vm, holder, 0, priv);       /* logged: holder is shared */
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 50000; k++) (void)make_item(vm, k);
        collect(vm);
    }
    stm_commit(&vm->tx);
    vm->in_tx = false;
    stm_set_direct(&vm->tx, true);
    Value got = list_get(vm, holder, 0);
    CHECK(got == priv && item_ok(vm, got, 4242), "private object lost or damaged");
    ROOTS_RESET(vm);
    printf("transaction: private object kept across collections and committed\n");
}

int main(void) {
    VM *vm = vm_main_init();
    if (!vm) {
        fprintf(stderr, "init failed\n");
        return 2;
    }
    test_bounded_heap(vm);
    test_cycles(vm);
    test_roots(vm);
    test_threads(vm);
    test_tx_private(vm);
    if (failures) {
        fprintf(stderr, "%d failure(s)\n", failures);
        return 1;
    }
    printf("all GC checks passed\n");
    return 0;
}
