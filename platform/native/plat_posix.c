/* plat_posix.c - platform.h on POSIX with pthreads (files, errors and the
 * environment are in plat_posix_io.c).
 *
 * Used by the native build and by the Emscripten build (whose pthreads are
 * Web Workers sharing the wasm memory, and whose file calls reach the host's
 * files through NODERAWFS or the virtual FS).  Only this directory and
 * platform/wasm include OS headers.
 */
#define _GNU_SOURCE
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/threading.h>
#include <emscripten/stack.h>
#endif

bool plat_has_threads(void) { return true; }

int plat_num_cpus(void) {
#ifdef __EMSCRIPTEN__
    int n = emscripten_num_logical_cores();
#else
    long n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
    return n < 1 ? 1 : (int)n;
}

/* GC blocks come from mmap natively, from malloc under Emscripten and under
 * AddressSanitizer (whose leak checker scans only malloc'd memory for
 * pointers: malloc'd buffers owned by GC objects would look leaked). */
#if defined(__EMSCRIPTEN__) || defined(__SANITIZE_ADDRESS__)
#define BLOCKS_FROM_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BLOCKS_FROM_MALLOC 1
#endif
#endif

#ifndef BLOCKS_FROM_MALLOC
#include <sys/mman.h>
/* Aligned chunks straight from the kernel: zero-filled, no malloc
 * fragmentation around the alignment (posix_memalign of 64 KiB-aligned
 * 64 KiB chunks wastes about as much as it returns). */
void *plat_alloc_aligned(size_t size, size_t align) {
    size_t span = size + align;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)raw + align - 1) & ~(uintptr_t)(align - 1);
    size_t head = start - (uintptr_t)raw, tail = span - head - size;
    if (head) munmap(raw, head);
    if (tail) munmap((char *)start + size, tail);
    return (void *)start;
}

void plat_free_aligned(void *p, size_t size) {
    munmap(p, size);
}
#else
void *plat_alloc_aligned(size_t size, size_t align) {
    void *p = NULL;
    if (posix_memalign(&p, align, size) != 0) return NULL;
    memset(p, 0, size);
    return p;
}

void plat_free_aligned(void *p, size_t size) {
    (void)size;
    free(p);
}
#endif

#ifndef __EMSCRIPTEN__
/* Emscripten: platform/wasm/plat_emscripten.c. */
size_t plat_memory_limit(void) {
    return 0;
}
#endif

/* ---- threads ---- */
struct PlatMutex { pthread_mutex_t m; };
struct PlatCond { pthread_cond_t c; };

typedef struct { void (*fn)(void *); void *arg; } ThreadStart;

static void *thread_trampoline(void *p) {
    ThreadStart ts = *(ThreadStart *)p;
    free(p);
    ts.fn(ts.arg);
    return NULL;
}

int plat_thread_start(void (*fn)(void *), void *arg, size_t stack_size) {
    ThreadStart *ts = malloc(sizeof *ts);
    if (!ts) return PLAT_ENOMEM;
    ts->fn = fn;
    ts->arg = arg;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size) pthread_attr_setstacksize(&attr, stack_size);
    pthread_t t;
    int r = pthread_create(&t, &attr, thread_trampoline, ts);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        free(ts);
        return r == EAGAIN ? PLAT_ENOMEM : PLAT_EIO;
    }
    return 0;
}

uintptr_t plat_stack_low(void) {
#ifdef __EMSCRIPTEN__
    return (uintptr_t)emscripten_stack_get_end();
#else
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    int r = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (r != 0) return 0;
    /* the main thread's stack may still grow to its rlimit: glibc reports
     * that extent, so addr is the real floor */
    return (uintptr_t)addr;
#endif
}

static _Atomic uint64_t next_thread_ident = 1;
static _Thread_local uint64_t my_thread_ident;

uint64_t plat_thread_self(void) {
    if (!my_thread_ident) my_thread_ident = atomic_fetch_add(&next_thread_ident, 1) + 139800000000000ULL;
    return my_thread_ident;
}

void plat_thread_yield(void) { sched_yield(); }

PlatMutex *plat_mutex_new(void) {
    PlatMutex *m = malloc(sizeof *m);
    if (m) pthread_mutex_init(&m->m, NULL);
    return m;
}
void plat_mutex_free(PlatMutex *m) {
    if (!m) return;
    pthread_mutex_destroy(&m->m);
    free(m);
}
void plat_mutex_lock(PlatMutex *m) { pthread_mutex_lock(&m->m); }
bool plat_mutex_trylock(PlatMutex *m) { return pthread_mutex_trylock(&m->m) == 0; }
void plat_mutex_unlock(PlatMutex *m) { pthread_mutex_unlock(&m->m); }

PlatCond *plat_cond_new(void) {
    PlatCond *c = malloc(sizeof *c);
    if (!c) return NULL;
    pthread_condattr_t a;
    pthread_condattr_init(&a);
#ifndef __EMSCRIPTEN__
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
#endif
    pthread_cond_init(&c->c, &a);
    pthread_condattr_destroy(&a);
    return c;
}
void plat_cond_free(PlatCond *c) {
    if (!c) return;
    pthread_cond_destroy(&c->c);
    free(c);
}
void plat_cond_wait(PlatCond *c, PlatMutex *m) { pthread_cond_wait(&c->c, &m->m); }
bool plat_cond_timedwait(PlatCond *c, PlatMutex *m, int64_t timeout_ns) {
    struct timespec ts;
#ifdef __EMSCRIPTEN__
    clock_gettime(CLOCK_REALTIME, &ts);
#else
    clock_gettime(CLOCK_MONOTONIC, &ts);
#endif
    if (timeout_ns < 0) timeout_ns = 0;
    int64_t ns = (int64_t)ts.tv_nsec + timeout_ns % 1000000000;
    ts.tv_sec += (time_t)(timeout_ns / 1000000000 + ns / 1000000000);
    ts.tv_nsec = (long)(ns % 1000000000);
    return pthread_cond_timedwait(&c->c, &m->m, &ts) == 0;
}
void plat_cond_signal(PlatCond *c) { pthread_cond_signal(&c->c); }
void plat_cond_broadcast(PlatCond *c) { pthread_cond_broadcast(&c->c); }

/* ---- time ---- */
static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
int64_t plat_time_ns(void) { return clock_ns(CLOCK_REALTIME); }
int64_t plat_monotonic_ns(void) { return clock_ns(CLOCK_MONOTONIC); }
int64_t plat_process_time_ns(void) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
int64_t plat_thread_time_ns(void) {
#ifdef __EMSCRIPTEN__
    return clock_ns(CLOCK_MONOTONIC);
#else
    return clock_ns(CLOCK_THREAD_CPUTIME_ID);
#endif
}

void plat_sleep_ns(int64_t ns) {
    if (ns <= 0) { sched_yield(); return; }
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        if (plat_stop_requested()) return;
    }
}

static void tm_out(const struct tm *t, PlatTm *o) {
    o->sec = t->tm_sec; o->min = t->tm_min; o->hour = t->tm_hour;
    o->mday = t->tm_mday; o->mon = t->tm_mon; o->year = t->tm_year;
    o->wday = t->tm_wday; o->yday = t->tm_yday; o->isdst = t->tm_isdst;
#if defined(__USE_MISC) || defined(__EMSCRIPTEN__)
    o->gmtoff = t->tm_gmtoff;
    snprintf(o->zone, sizeof o->zone, "%s", t->tm_zone ? t->tm_zone : "UTC");
#else
    o->gmtoff = 0;
    snprintf(o->zone, sizeof o->zone, "UTC");
#endif
}

bool plat_localtime(int64_t t, PlatTm *out) {
    time_t tt = (time_t)t;
    struct tm r;
    if (!localtime_r(&tt, &r)) return false;
    tm_out(&r, out);
    return true;
}

bool plat_gmtime(int64_t t, PlatTm *out) {
    time_t tt = (time_t)t;
    struct tm r;
    if (!gmtime_r(&tt, &r)) return false;
    tm_out(&r, out);
    return true;
}

int64_t plat_mktime(const PlatTm *o) {
    struct tm t;
    memset(&t, 0, sizeof t);
    t.tm_sec = o->sec; t.tm_min = o->min; t.tm_hour = o->hour;
    t.tm_mday = o->mday; t.tm_mon = o->mon; t.tm_year = o->year;
    t.tm_isdst = o->isdst;
    time_t r = mktime(&t);
    return (int64_t)r;
}

const char *plat_name(void) {
#ifdef __EMSCRIPTEN__
    return "emscripten";
#elif defined(__APPLE__)
    return "darwin";
#else
    return "linux";
#endif
}

_Noreturn void plat_exit(int code) {
    fflush(NULL);
    _exit(code);
}

/* ---- cancellation ---- */
/* Set by a host (signal handler for SIGINT natively, JS through shared
 * memory in the Emscripten build). */
_Atomic int plat_stop_flag;

bool plat_stop_requested(void) { return atomic_load_explicit(&plat_stop_flag, memory_order_relaxed) != 0; }
void plat_clear_stop(void) { atomic_store(&plat_stop_flag, 0); }
