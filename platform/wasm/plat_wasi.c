/* plat_wasi.c - platform.h for WASI (wasm32-unknown-wasi, wasi-libc):
 * clocks and memory through WASI preview 1, no threads; files, errors,
 * environment and randomness are platform/native/plat_posix_io.c's.
 *
 * Invariants:
 * - One thread only: plat_has_threads() is false, plat_thread_start fails
 *   with PLAT_ENOSYS (the `transaction` module then runs serially and
 *   `threading` raises "can't start new thread").  Mutexes only record
 *   their state; condition waits return at once (a spurious wake-up, which
 *   every caller tolerates) since no other thread could signal them.
 * - Relative paths are the host's: a runtime that preopens "/" and passes
 *   PWD (build-wasi/txpy does) gets its working directory set from PWD
 *   before main; otherwise wasi-libc resolves them against its preopens.
 * - The C stack lies between the end of static data (__data_end) and
 *   __heap_base, as wasm-ld lays it out without --stack-first.
 * - longjmp never runs (see wasi-include/setjmp.h); if it did, the program
 *   stops with status 70 and a message rather than continue wrongly.
 */
#define _GNU_SOURCE
#include "platform.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef TXPY_WASI_MAX_MEMORY
#define TXPY_WASI_MAX_MEMORY ((size_t)2 << 30)
#endif

extern char __data_end;


/* ---- start-up: the host's working directory ---- */
__attribute__((constructor)) static void enter_host_cwd(void) {
    const char *pwd = getenv("PWD");
    if (pwd && pwd[0] == '/') (void)chdir(pwd);
}

/* ---- capabilities and memory ---- */
bool plat_has_threads(void) { return false; }
int plat_num_cpus(void) { return 1; }

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

/* The linear memory may grow to TXPY_WASI_MAX_MEMORY (wasm.cmake links it
 * so); keep an eighth for the C stack and malloc'd buffers.  The
 * environment variable TXPY_MEMORY_MB may set a smaller limit. */
size_t plat_memory_limit(void) {
    size_t limit = TXPY_WASI_MAX_MEMORY - TXPY_WASI_MAX_MEMORY / 8;
    const char *env = getenv("TXPY_MEMORY_MB");
    double mb = env ? strtod(env, NULL) : 0;
    size_t cap = mb > 0 && mb < 2048 ? (size_t)(mb * 1048576.0) : 0;
    return cap && cap < limit ? cap : limit;
}

/* ---- threads (there is one) ---- */
struct PlatMutex { int locked; };
struct PlatCond { int unused; };

int plat_thread_start(void (*fn)(void *), void *arg, size_t stack_size) {
    (void)fn; (void)arg; (void)stack_size;
    return PLAT_ENOSYS;
}

uintptr_t plat_stack_low(void) { return (uintptr_t)&__data_end; }

uint64_t plat_thread_self(void) { return 1; }
void plat_thread_yield(void) {}

PlatMutex *plat_mutex_new(void) { return calloc(1, sizeof(PlatMutex)); }
void plat_mutex_free(PlatMutex *m) { free(m); }
void plat_mutex_lock(PlatMutex *m) { m->locked = 1; }
bool plat_mutex_trylock(PlatMutex *m) {
    if (m->locked) return false;
    m->locked = 1;
    return true;
}
void plat_mutex_unlock(PlatMutex *m) { m->locked = 0; }

PlatCond *plat_cond_new(void) { return calloc(1, sizeof(PlatCond)); }
void plat_cond_free(PlatCond *c) { free(c); }
void plat_cond_wait(PlatCond *c, PlatMutex *m) { (void)c; (void)m; }
bool plat_cond_timedwait(PlatCond *c, PlatMutex *m, int64_t timeout_ns) {
    (void)c; (void)m;
    plat_sleep_ns(timeout_ns);
    return false;
}
void plat_cond_signal(PlatCond *c) { (void)c; }
void plat_cond_broadcast(PlatCond *c) { (void)c; }

/* ---- time ---- */
static int64_t clock_ns(clockid_t id, clockid_t fallback) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0 && clock_gettime(fallback, &ts) != 0) return 0;
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
int64_t plat_time_ns(void) { return clock_ns(CLOCK_REALTIME, CLOCK_REALTIME); }
int64_t plat_monotonic_ns(void) { return clock_ns(CLOCK_MONOTONIC, CLOCK_REALTIME); }
int64_t plat_process_time_ns(void) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID, CLOCK_MONOTONIC); }
int64_t plat_thread_time_ns(void) { return clock_ns(CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC); }

void plat_sleep_ns(int64_t ns) {
    if (ns <= 0) return;
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {}
}

/* wasi-libc knows no time zones: local time is UTC. */
static void tm_out(const struct tm *t, PlatTm *o) {
    o->sec = t->tm_sec; o->min = t->tm_min; o->hour = t->tm_hour;
    o->mday = t->tm_mday; o->mon = t->tm_mon; o->year = t->tm_year;
    o->wday = t->tm_wday; o->yday = t->tm_yday; o->isdst = 0;
    o->gmtoff = 0;
    snprintf(o->zone, sizeof o->zone, "UTC");
}

bool plat_localtime(int64_t t, PlatTm *out) { return plat_gmtime(t, out); }

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
    t.tm_isdst = 0;
    return (int64_t)mktime(&t);
}

/* files, errors, environment, randomness: platform/native/plat_posix_io.c */

const char *plat_name(void) { return "wasi"; }

_Noreturn void plat_exit(int code) {
    fflush(NULL);
    _Exit(code);
}

_Noreturn void longjmp(jmp_buf env, int val) {
    (void)env; (void)val;
    static const char msg[] = "txpy: internal error: a transaction aborted in the single-threaded WASI build\n";
    plat_write(2, msg, sizeof msg - 1);
    _Exit(70);
}

/* ---- cancellation ----
 * Nothing can set the flag while the program runs (one thread, and the
 * host's event loop waits for it); it exists for the shared command line. */
_Atomic int plat_stop_flag;

bool plat_stop_requested(void) { return atomic_load_explicit(&plat_stop_flag, memory_order_relaxed) != 0; }
void plat_clear_stop(void) { atomic_store(&plat_stop_flag, 0); }
